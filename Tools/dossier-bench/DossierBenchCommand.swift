import ArgumentParser
import DossierBench
import DossierStore
import Foundation

/// `dossier-bench`: measures Dossier's durable throughput, query latency, replay and
/// verification, and the baselines it is compared with, in one run on this machine.
@main
struct DossierBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-bench",
        abstract: "Benchmark Dossier against raw LMDB, SQLite and PostgreSQL on this machine, in one run.")

    @Option(help: "Events stored before the query, replay and verify workloads.") var events: Int?
    @Option(help: "Seconds per throughput workload.") var seconds: Double?
    @Option(help: "Rows of the generated UCI-shaped file the import workload loads (default 30000).")
    var importRows: Int?
    @Flag(help: "Small sizes for a smoke check (well under a minute).") var quick = false
    @Flag(help: "Print one JSON object instead of a table.") var json = false
    @Option(help: "PostgreSQL URL (e.g. postgresql://user@localhost/db); adds the PostgreSQL baselines.")
    var postgres: String?
    @Option(help: "Directory for temporary data (default /tmp).") var scratch: String?
    @Flag(name: .customLong("dossier-only"), help: "Only the Dossier workloads, e.g. under a profiler.")
    var dossierOnly = false

    @Option(
        name: .customLong("write-path"),
        help: "Write path of the Dossier workloads: lmdb (default), journal, or both (each on its own daemon, same run).")
    var writePath = "lmdb"
    @Option(
        name: .customLong("journal-page-writes"),
        help: "How the journal path's commits put LMDB's pages into data.mdb: write (default) or map.")
    var journalPageWrites = DossierStore.JournalPageWrites.write.rawValue
    @Option(name: .customLong("restart-events"), help: "Journal events a restart applies again (journal only).")
    var restartEvents: Int?

    @Option(name: .customLong("repeat"), help: "Runs of everything; the report gives each figure's median (single runs vary 10-20%).")
    var repeatCount = 1

    func validate() throws {
        guard self.repeatCount >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard ["lmdb", "journal", "both"].contains(self.writePath) else {
            throw ValidationError("--write-path must be lmdb, journal or both")
        }
        guard DossierStore.JournalPageWrites(rawValue: self.journalPageWrites) != nil else {
            throw ValidationError("--journal-page-writes must be map or write")
        }
    }

    func run() async throws {
        var configuration = self.quick ? BenchConfiguration.quick : BenchConfiguration()
        if let events = self.events { configuration.storedEvents = events }
        if let seconds = self.seconds { configuration.seconds = seconds }
        if let rows = self.importRows { configuration.importRows = max(1, rows) }
        if let scratch = self.scratch { configuration.scratchDirectory = scratch }
        configuration.postgresURL = self.postgres
        configuration.dossierOnly = self.dossierOnly
        configuration.writePaths = self.writePath == "both" ? [.lmdb, .journal] : self.writePath == "journal" ? [.journal] : [.lmdb]
        configuration.journalPageWrites = DossierStore.JournalPageWrites(rawValue: self.journalPageWrites) ?? .write
        if let restartEvents = self.restartEvents { configuration.restartEvents = restartEvents }
        var reports: [BenchReport] = []
        for _ in 0..<self.repeatCount { reports.append(try await BenchRunner(configuration: configuration).run()) }
        let report = BenchReport.median(of: reports)
        print(self.json ? report.json() : report.table())
    }
}
