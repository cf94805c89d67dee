import DossierStore

/// What a benchmark run does. Every workload uses the same shape of data: events of about
/// `payloadBytes` bytes on `streams` streams chosen at random, each with a unique event id and
/// a unique (stream, version).
public struct BenchConfiguration: Sendable {
    /// Events stored before the stored-data workloads (query, replay, verify) run.
    public var storedEvents: Int = 1_000_000
    /// Seconds each throughput workload runs.
    public var seconds: Double = 10
    public var streams: Int = 10_000
    public var payloadBytes: Int = 300
    /// Rows of the generated UCI-shaped file the import workload loads.
    public var importRows: Int = 30_000
    /// Concurrent clients of the many-clients workloads.
    public var clients: Int = 32
    /// Requests one pipelining client keeps in flight.
    public var pipelineDepth: Int = 64
    /// PostgreSQL connection URL; the PostgreSQL workloads run only when it is set.
    public var postgresURL: String?
    /// Parent of the temporary data directories.
    public var scratchDirectory: String = "/tmp"
    /// Run only the Dossier workloads (for profiling them); the baselines are skipped.
    public var dossierOnly: Bool = false
    /// The write paths the Dossier workloads run on, each on a daemon of its own, in one run.
    /// Figures of `lmdb` keep their names; those of `journal` are named `journal_...`.
    public var writePaths: [DossierStore.WritePath] = [.lmdb]
    /// How the journal path's commits put LMDB's pages into `data.mdb`.
    public var journalPageWrites: DossierStore.JournalPageWrites = .write
    /// Events in the journal tail that `journal_restart_seconds` applies again (journal only).
    public var restartEvents: Int = 100_000
    /// Print progress to stderr.
    public var verbose: Bool = true

    public init() {}

    /// Small sizes for a smoke check that finishes in well under a minute.
    public static var quick: BenchConfiguration {
        var configuration = BenchConfiguration()
        configuration.storedEvents = 20_000
        configuration.seconds = 1.5
        configuration.streams = 2_000
        configuration.importRows = 3_000
        configuration.restartEvents = 5_000
        return configuration
    }
}
