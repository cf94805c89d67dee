import Foundation

/// Runs every workload in turn and collects the report.
public struct BenchRunner: Sendable {
    public let configuration: BenchConfiguration

    public init(configuration: BenchConfiguration) {
        self.configuration = configuration
    }

    public func run() async throws -> BenchReport {
        var report = BenchReport()
        let configuration = self.configuration

        if configuration.dossierOnly {
            try await Self.runDossier(configuration, into: &report)
            return report
        }
        progress(configuration, "raw LMDB, 1 event per commit")
        report.record("raw_lmdb_batch1_eps", try RawLMDBWorkload.run(configuration, eventsPerCommit: 1))
        // The most 32 clients that each wait for their reply can ever put in one commit: the
        // ceiling for dossier_32_clients_eps, where batch 1000 is out of their reach.
        progress(configuration, "raw LMDB, 32 events per commit")
        report.record("raw_lmdb_batch32_eps", try RawLMDBWorkload.run(configuration, eventsPerCommit: 32))
        progress(configuration, "raw LMDB, 1000 events per commit")
        report.record("raw_lmdb_batch1000_eps", try RawLMDBWorkload.run(configuration, eventsPerCommit: 1000))
        progress(configuration, "SQLite WAL synchronous=FULL, 1 thread")
        report.record("sqlite_full_eps", try SQLiteWorkload.run(configuration, threads: 1))
        progress(configuration, "SQLite WAL synchronous=FULL, \(configuration.clients) threads")
        report.record("sqlite_full_32_eps", try SQLiteWorkload.run(configuration, threads: configuration.clients))
        try await Self.runDossier(configuration, into: &report)
        // PostgreSQL last: its checkpoints after millions of inserts keep the disk busy for a while
        // and would slow the flushes of whatever ran next.
        if let url = configuration.postgresURL {
            progress(configuration, "PostgreSQL, \(configuration.clients) connections")
            report.record(
                "postgres_32_eps",
                try PostgresWorkload.run(url: url, configuration, clients: configuration.clients, eventsPerTransaction: 1))
            progress(configuration, "PostgreSQL, 1000 rows per transaction")
            report.record(
                "postgres_batch1000_eps",
                try PostgresWorkload.run(url: url, configuration, clients: 1, eventsPerTransaction: 1000))
            try PostgresWorkload.cleanUp(url: url)
        }
        report.record("peak_rss_mb", SystemCounters.peakResidentMiB(), unit: "MiB")
        return report
    }

    /// The Dossier workloads on each write path, one after the other in this run.
    static func runDossier(_ configuration: BenchConfiguration, into report: inout BenchReport) async throws {
        for writePath in configuration.writePaths {
            try await DossierWorkloads(configuration: configuration, writePath: writePath).run(into: &report)
            if writePath == .journal {
                progress(configuration, "journal: restart applying \(configuration.restartEvents) events again")
                let restart = try await JournalRestartWorkload(configuration: configuration).run()
                report.record("journal_restart_seconds", restart.seconds, unit: "s", note: restart.note)
            }
        }
    }
}
