import CoreMetrics
import Prometheus
import Synchronization

/// swift-metrics traps on a second bootstrap; a process that runs two daemons (tests, tools)
/// keeps the first one's.
private let metricsSystemBootstrapped = Atomic<Bool>(false)

extension ServerMonitor {
    /// Upper bounds of `dossier_commit_duration_seconds`: a durable commit takes about a
    /// millisecond on SSDs, much longer on a busy disk.
    static let commitDurationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1),
    ]
    /// Upper bounds of `dossier_commit_batch_size`: powers of two up to the largest `store.max_batch`
    /// worth watching.
    static let commitBatchSizeBuckets: [Double] = (0...14).map { Double(1 << $0) }

    /// Routes the swift-metrics API (the store's commit metrics) into this monitor's registry.
    /// Call before the store commits. swift-metrics allows one bootstrap per process: later
    /// calls do nothing, and their monitors show request metrics but no commit metrics.
    public func bootstrapMetricsSystem() {
        guard !metricsSystemBootstrapped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var factory = PrometheusMetricsFactory(registry: self.registry)
        factory.durationHistogramBuckets["dossier_commit_duration_seconds"] = Self.commitDurationBuckets
        factory.valueHistogramBuckets["dossier_commit_batch_size"] = Self.commitBatchSizeBuckets
        MetricsSystem.bootstrap(factory)
    }
}
