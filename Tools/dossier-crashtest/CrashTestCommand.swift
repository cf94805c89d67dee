import ArgumentParser
import DossierChaos
import Foundation

/// `dossier-crashtest`: kills a real dossierd with SIGKILL under load, restarts it and proves
/// that no acknowledged event was lost. Exits 1 when any run fails.
@main
struct CrashTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-crashtest",
        abstract: "Kill dossierd with SIGKILL under load, restart it, and check that nothing acknowledged was lost.",
        discussion: """
            All runs share one data directory, so the log grows from run to run. Runs cycle through \
            the scenarios: concurrent clients; one connection pipelining a large batch; concurrent \
            clients while hot backups run (when the daemon has admin.backup). After each restart: \
            every acknowledged event is in the log exactly once at its acknowledged sequence, the \
            sequence has no gaps and no event without a request, audit.verify passes, the \
            projections equal a fold of the log, a hot copy taken before the kill verifies, and \
            the daemon takes writes again.
            """)

    @Option(help: "Kills (runs), each followed by a restart and the checks.")
    var runs = 5

    @Option(help: "Concurrent clients, each on its own connection.")
    var clients = 16

    @Option(help: "Seed of every random choice (default: random, printed).")
    var seed: UInt64?

    @Option(help: "The dossierd to test (default: the one next to this tool).")
    var dossierd: String?

    @Option(name: .customLong("pipeline-size"), help: "Writes one connection pipelines in the pipeline scenario.")
    var pipelineSize = 2000

    @Flag(help: "Keep the data directory and the daemon's log when a run fails.")
    var keep = false

    func validate() throws {
        guard self.runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard self.clients >= 1 else { throw ValidationError("--clients must be at least 1") }
        guard self.pipelineSize >= 2 else { throw ValidationError("--pipeline-size must be at least 2") }
    }

    func run() throws {
        lineBufferStandardOutput()
        var options = CrashTestOptions()
        options.runs = self.runs
        options.clients = self.clients
        if let seed = self.seed { options.seed = seed }
        if let dossierd = self.dossierd { options.dossierd = dossierd }
        options.pipelineSize = self.pipelineSize
        options.keep = self.keep
        guard FileManager.default.isExecutableFile(atPath: options.dossierd) else {
            throw ValidationError("no dossierd at \(options.dossierd); build it (swift build) or pass --dossierd PATH")
        }
        let passed = try CrashTest(options: options).run()
        if !passed { throw ExitCode.failure }
    }
}
