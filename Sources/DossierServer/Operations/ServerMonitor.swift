import DossierCore
import DossierProtocol
import Foundation
import Prometheus
import Synchronization

/// What the server counts about itself for `system.status` and `system.metrics`: start time,
/// open connections, and per-method request counts and latencies.
///
/// Every dimension comes from a closed set: method names the server knows (anything else is
/// `other`) and the error codes it sends. Memory stays bounded however long the daemon runs.
public final class ServerMonitor: Sendable {
    public let startedAt: Timestamp
    private let startInstant: ContinuousClock.Instant
    private let connections = Atomic<Int>(0)
    private let latencies = Mutex<[String: LatencyHistogram]>([:])
    /// Bounded like `latencies`: known methods (or `other`) times the reply codes.
    private let requestInstruments = Mutex<[RequestInstruments.Key: RequestInstruments]>([:])
    private let knownMethods: Set<String>

    /// The Prometheus registry `system.metrics` renders; the daemon also routes swift-metrics
    /// (the store's commit metrics) into it.
    public let registry: PrometheusCollectorRegistry
    let logEvents: Gauge
    let mapUsedBytes: Gauge
    let mapBytes: Gauge
    let openConnections: Gauge

    /// The method label of requests that name no method the server has.
    static let otherMethod = "other"

    /// Upper bounds of `dossier_request_duration_seconds`, 100 µs to 10 s.
    static let requestDurationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), methods: [Method] = Method.all) {
        self.startedAt = Timestamp(Date())
        self.startInstant = .now
        self.registry = registry
        self.knownMethods = Set(methods.map(\.name))
        self.logEvents = registry.makeGauge(
            descriptor: .init(namespace: "dossier", metricName: "log", unitName: "events", helpText: "Events in the log (the head sequence)."))
        self.mapUsedBytes = registry.makeGauge(
            descriptor: .init(
                namespace: "dossier", metricName: "map_used", unitName: "bytes", helpText: "Bytes of the LMDB map in use."))
        self.mapBytes = registry.makeGauge(
            descriptor: .init(
                namespace: "dossier", metricName: "map_size", unitName: "bytes",
                helpText: "Current size of the LMDB memory map; it grows on demand up to store.max_map_size."))
        self.openConnections = registry.makeGauge(
            descriptor: .init(
                namespace: "dossier", metricName: "open", unitName: "connections", helpText: "Open client connections."))
    }

    public var uptime: Duration { .now - self.startInstant }

    // MARK: - Connections

    public var connectionCount: Int { self.connections.load(ordering: .relaxed) }

    func connectionOpened() { self.connections.add(1, ordering: .relaxed) }

    func connectionClosed() { self.connections.subtract(1, ordering: .relaxed) }

    // MARK: - Requests

    /// The label for `method`: its name when the server has it, else `other`.
    func label(forMethod method: String?) -> String {
        guard let method, self.knownMethods.contains(method) else { return Self.otherMethod }
        return method
    }

    /// Latencies per method since start, in method name order.
    func requestLatencies() -> [MethodLatency] {
        let snapshot = self.latencies.withLock { $0 }
        return snapshot.keys.sorted().map { method in
            let histogram = snapshot[method]!
            return MethodLatency(
                method: method, count: histogram.count, errors: histogram.errors,
                p50Ms: Self.milliseconds(histogram.percentile(0.5)), p90Ms: Self.milliseconds(histogram.percentile(0.9)),
                p99Ms: Self.milliseconds(histogram.percentile(0.99)),
                maxMs: Self.milliseconds(Double(histogram.maximumNanoseconds)))
        }
    }
}

extension ServerMonitor {
    /// Nanoseconds as milliseconds to the microsecond: finer digits would be noise.
    static func milliseconds(_ nanoseconds: Double) -> Double { (nanoseconds / 1000).rounded() / 1000 }
}

extension ServerMonitor: RequestObserver {
    func requestFinished(method: String?, code: ErrorCode?, duration: Duration) {
        let label = self.label(forMethod: method)
        let nanoseconds = UInt64(clamping: duration.components.seconds) &* 1_000_000_000
            &+ UInt64(clamping: duration.components.attoseconds / 1_000_000_000)
        self.latencies.withLock { latencies in
            latencies[label, default: LatencyHistogram()].record(nanoseconds: nanoseconds, failed: code != nil)
        }
        let instruments = self.instruments(method: label, code: code?.rawValue ?? "ok")
        instruments.requests.increment()
        instruments.duration.record(duration)
    }

    /// The Prometheus collectors of one method and reply code, made once and kept: asking the
    /// registry for them on every request cost several percent of the daemon's CPU under load.
    private func instruments(method: String, code: String) -> RequestInstruments {
        let key = RequestInstruments.Key(method: method, code: code)
        if let known = self.requestInstruments.withLock({ $0[key] }) { return known }
        let made = RequestInstruments(
            requests: self.registry.makeCounter(
                descriptor: .init(
                    namespace: "dossier", metricName: "requests", unitName: "total",
                    helpText: "Requests answered, by method and reply code (ok or the error code)."),
                labels: [("method", method), ("code", code)]),
            duration: self.registry.makeDurationHistogram(
                descriptor: .init(
                    namespace: "dossier", metricName: "request_duration", unitName: "seconds",
                    helpText: "Time from reading a request line to having its reply, by method."),
                labels: [("method", method)], buckets: Self.requestDurationBuckets))
        return self.requestInstruments.withLock { $0[key, default: made] }
    }
}

/// A method's request counter for one reply code, and its duration histogram.
private struct RequestInstruments: Sendable {
    struct Key: Hashable, Sendable {
        var method: String
        var code: String
    }

    let requests: Counter
    let duration: DurationHistogram
}
