import CoreMetrics
import Prometheus

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
    /// Call once per process, before the store commits: swift-metrics allows one bootstrap.
    public func bootstrapMetricsSystem() {
        var factory = PrometheusMetricsFactory(registry: self.registry)
        factory.durationHistogramBuckets["dossier_commit_duration_seconds"] = Self.commitDurationBuckets
        factory.valueHistogramBuckets["dossier_commit_batch_size"] = Self.commitBatchSizeBuckets
        MetricsSystem.bootstrap(factory)
    }
}
