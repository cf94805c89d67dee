import ArgumentParser
import DossierChaos
import Foundation

/// `dossier-fuzz`: feeds a real dossierd generated and mutated protocol lines and checks that it
/// survives them unharmed. Exits 1 when any check fails.
@main
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-fuzz",
        abstract: "Send dossierd generated and mutated protocol lines; check it stays alive, bounded and correct.",
        discussion: """
            Lines: valid requests (a known fraction, their outcomes checked exactly), random bytes, \
            invalid UTF-8, deep nesting, huge numbers, a wrong type for each parameter of each \
            method, missing fields, unknown methods, non-objects, odd JSON, blank lines, lines at \
            and over the maximum length, mutations of valid requests, half lines followed by a \
            hang-up, lines written a few bytes at a time, and a burst of many connections at once. \
            Afterwards the daemon must answer system.hello, its resident memory must be back within \
            --rss-margin-mib of its level after the warm-up, every reply must have been a JSON \
            object with a result or a specific error (never dossier.Internal), and the log must \
            hold exactly the events of the acknowledged writes.
            """)

    @Option(help: "Lines to send (the burst of connections included; the warm-up not).")
    var lines = 100_000

    @Option(help: "Seed of every random choice (default: random, printed).")
    var seed: UInt64?

    @Option(help: "Connections sending at the same time.")
    var connections = 8

    @Option(help: "The dossierd to test (default: the one next to this tool).")
    var dossierd: String?

    @Option(name: .customLong("valid-fraction"), help: "Share of lines that are valid requests.")
    var validFraction = 0.1

    @Option(name: .customLong("burst"), help: "Connections opened at once in the burst (at most a tenth of the lines).")
    var burst = 500

    @Option(name: .customLong("rss-margin-mib"), help: "Allowed growth of resident memory after the run, in MiB.")
    var rssMarginMiB = 64

    @Option(help: "Append the lines sent on connection N to PATH.N, to replay a failure.")
    var trace: String?

    @Flag(help: "Keep the data directory and the daemon's log when a check fails.")
    var keep = false

    func validate() throws {
        guard self.lines >= 100 else { throw ValidationError("--lines must be at least 100") }
        guard (1...1000).contains(self.connections) else { throw ValidationError("--connections must be 1 to 1000") }
        guard (0...1).contains(self.validFraction) else { throw ValidationError("--valid-fraction must be 0 to 1") }
    }

    func run() throws {
        lineBufferStandardOutput()
        var options = FuzzOptions()
        options.lines = self.lines
        if let seed = self.seed { options.seed = seed }
        options.connections = self.connections
        if let dossierd = self.dossierd { options.dossierd = dossierd }
        options.validFraction = self.validFraction
        options.burstConnections = self.burst
        options.rssMarginMiB = self.rssMarginMiB
        options.keep = self.keep
        options.tracePath = self.trace
        guard FileManager.default.isExecutableFile(atPath: options.dossierd) else {
            throw ValidationError("no dossierd at \(options.dossierd); build it (swift build) or pass --dossierd PATH")
        }
        let passed = try ProtocolFuzzer(options: options).run()
        if !passed { throw ExitCode.failure }
    }
}
