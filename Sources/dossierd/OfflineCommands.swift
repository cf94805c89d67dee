import ArgumentParser
import DossierCore
import DossierProtocol
import DossierServer
import DossierStore
import Foundation

/// What both offline checks take: where the log is, and how to print.
struct OfflineOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Data directory of a stopped daemon, or a backup directory (default: the configured store.data_dir).")
    var dataDirectory: String?

    @Option(name: .long, help: "TOML config file, for the default data directory (default: $DOSSIERD_CONFIG).")
    var config: String?

    @Flag(help: "Print the report as JSON, as the daemon's own method does.")
    var json = false

    /// The data directory: the flag, else what the configuration says.
    func directory() -> String {
        if let dataDirectory = self.dataDirectory, !dataDirectory.isEmpty { return dataDirectory }
        let environment = ProcessInfo.processInfo.environment
        do {
            return try ConfigurationLoader.load(path: self.config ?? environment["DOSSIERD_CONFIG"], environment: environment)
                .store.dataDirectory
        } catch {
            Serve.fail("dossierd: invalid configuration: \(error)", DaemonStartupError.configuration)
        }
    }

    /// Opens the log read-only, without a lock file: refused while a daemon serves the directory.
    func open() -> ReadOnlyLog {
        let directory = self.directory()
        do {
            return try ReadOnlyLog(dataDirectory: directory)
        } catch let error as StoreError {
            switch error {
            case .dataDirectoryInUse:
                Serve.fail("dossierd: \(error); a running daemon's log is checked through it: dossier audit verify", 69)
            case .noLog:
                Serve.fail("dossierd: \(error)", 66)
            default:
                Serve.fail("dossierd: cannot read the log in \(directory): \(error)", DaemonStartupError.data)
            }
        } catch {
            Serve.fail("dossierd: cannot read the log in \(directory): \(error)", DaemonStartupError.data)
        }
    }

    func print(_ value: some Encodable, text: String) {
        if self.json, let bytes = try? DossierJSON.encode(value) {
            Swift.print(String(decoding: bytes, as: UTF8.self))
        } else {
            Swift.print(text)
        }
    }
}

/// `dossierd verify`: the hash chain of a stopped daemon's log or a backup, read-only.
struct OfflineVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of a stopped daemon's log or a backup, reading it without writing a byte.",
        discussion: "Exit status: 0 intact (and extending --against), 65 altered or not extending it, 66 no log there, 69 a daemon serves it.")

    @OptionGroup var options: OfflineOptions
    @Option(help: "A head written down earlier, SEQUENCE:HASH: also check that the log extends it.")
    var against: String?

    func run() throws {
        var earlier: LogHead?
        if let against = self.against {
            guard let head = LogHead(text: against) else {
                throw ValidationError("--against must be SEQUENCE:HASH, the hash in 64 hex digits")
            }
            earlier = head
        }
        let log = self.options.open()
        defer { log.close() }
        let result = VerifyResult(try log.verify(against: earlier))
        var lines = [
            result.intact ? "intact: \(result.events) events" : "ALTERED OR DAMAGED",
            "head \(result.head.sequence):\(result.head.hash)",
        ]
        if let failure = result.failure { lines.append("first problem: \(failure)") }
        if let extends = result.extends {
            lines.append(extends ? "extends \(self.against ?? "")" : "DOES NOT EXTEND \(self.against ?? "")")
        }
        self.options.print(result, text: lines.joined(separator: "\n"))
        if !result.intact || result.extends == false { throw ExitCode(65) }
    }
}

/// `dossierd replay`: the projections of a stopped daemon's log or a backup, rebuilt in memory
/// and compared with the stored ones, read-only.
struct OfflineReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the projections of a stopped daemon's log or a backup in memory and compare them with the stored ones.",
        discussion: "Exit status: 0 equal, 65 different, 66 no log there, 69 a daemon serves it.")

    @OptionGroup var options: OfflineOptions

    func run() throws {
        let log = self.options.open()
        defer { log.close() }
        let report = try log.replay()
        let result = ReplayResult(
            matches: report.matches, events: report.events, rows: report.rows, mismatches: report.mismatches)
        let summary =
            report.matches
            ? "projections equal a replay of the log: \(report.events) events, \(report.rows) rows"
            : "PROJECTIONS DIFFER FROM THE LOG:\n" + report.mismatches.map { "  \($0)" }.joined(separator: "\n")
        self.options.print(result, text: summary)
        if !report.matches { throw ExitCode(65) }
    }
}
