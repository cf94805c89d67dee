import CoreMetrics

extension DossierStore {
    /// The writer's metrics, through the swift-metrics API: the daemon bootstraps the backend
    /// (Prometheus); without one they cost nothing. Created once, on first use.
    enum CommitMetrics {
        /// Commands and appends in one commit (`dossier_commit_batch_size`).
        static let batchSize = Recorder(label: "dossier_commit_batch_size", aggregate: true)
        /// The write transaction and its commit, flush included (`dossier_commit_duration_seconds`).
        static let duration = Timer(label: "dossier_commit_duration_seconds")

        static func record(batchSize: Int, nanoseconds: UInt64) {
            Self.batchSize.record(batchSize)
            Self.duration.recordNanoseconds(Int64(clamping: nanoseconds))
        }
    }

    /// Checkpoints of the journal: `data.mdb` flushed and the journal header written.
    enum CheckpointMetrics {
        static let duration = Timer(label: "dossier_checkpoint_duration_seconds")
        static let failures = Counter(label: "dossier_checkpoint_failures_total")

        static func record(nanoseconds: UInt64, failed: Bool) {
            Self.duration.recordNanoseconds(Int64(clamping: nanoseconds))
            if failed { Self.failures.increment() }
        }
    }
}
