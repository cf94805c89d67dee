import ArgumentParser
import DossierClient
import DossierProtocol
import Foundation

struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Operate the daemon: backups.", subcommands: [Backup.self])

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a compacted hot copy of the log into a new or empty directory and verify it (admin.backup).",
            discussion: """
                The daemon writes the copy, so PATH must be writable by the daemon's user (under the shipped \
                systemd unit: below /var/lib/dossier-backups). A relative PATH is taken from the current \
                directory. The copy holds every event committed before it started; writes go on meanwhile. \
                Waits at least an hour for the copy (a longer --timeout waits longer; 0 forever). \
                Exits 65 when the copy does not verify.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "A new or empty directory for the copy.") var path: String

        func run() throws {
            var options = self.options
            if options.timeout > 0 { options.timeout = max(options.timeout, 3600) }
            let path = URL(fileURLWithPath: self.path).standardizedFileURL.path
            var intact = true
            try ClientRunner(options: options).run { connection in
                let result = try connection.call(Method.backup, BackupParams(path: path), as: BackupResult.self)
                intact = result.intact
                return result
            } render: { Rendering.backup($0) }
            if !intact { throw ExitCode(ExitStatus.refused) }
        }
    }
}

extension Rendering {
    static func backup(_ result: BackupResult) -> String {
        var pairs: [(String, String)] = [
            ("backup", result.path),
            ("result", result.intact ? "verified: the hash chain is intact" : "DOES NOT VERIFY"),
            ("events", String(result.events)),
            ("head", "\(result.head.sequence) \(result.head.hash)"),
            ("size", ByteCount.format(result.bytes)),
            ("took", String(format: "%.2f s", result.seconds)),
        ]
        if let failure = result.failure { pairs.append(("first problem", failure)) }
        return TextTable.details(pairs)
    }
}

/// Byte counts for people: 1023 B, 1.5 KiB, 64.0 MiB.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
