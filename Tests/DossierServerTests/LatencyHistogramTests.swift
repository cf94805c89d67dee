import DossierProtocol
import DossierTesting
import Foundation
import Logging
import NIOCore
import Testing

@testable import DossierServer

@Suite("Latency histogram and the server monitor")
struct LatencyHistogramTests {
    @Test func percentilesOfAUniformSpreadAreWithinHalfABucket() {
        var histogram = LatencyHistogram()
        // 1 ms to 100 ms in 10 µs steps.
        let samples = stride(from: 1_000_000, through: 100_000_000, by: 10_000).map { UInt64($0) }
        for sample in samples { histogram.record(nanoseconds: sample, failed: false) }
        let sorted = samples.sorted()
        for quantile in [0.5, 0.9, 0.99] {
            let exact = Double(sorted[Int((quantile * Double(sorted.count)).rounded(.up)) - 1])
            let estimate = histogram.percentile(quantile)
            #expect(abs(estimate - exact) / exact < 0.1, "p\(quantile): \(estimate) vs \(exact)")
        }
        #expect(histogram.count == UInt64(samples.count))
        #expect(histogram.maximumNanoseconds == 100_000_000)
    }

    @Test func anEstimateNeverExceedsTheLargestSampleAndAnEmptyHistogramSaysZero() {
        var histogram = LatencyHistogram()
        #expect(histogram.percentile(0.99) == 0)
        histogram.record(nanoseconds: 1_500_000, failed: true)
        #expect(histogram.percentile(0.5) <= 1_500_000)
        #expect(histogram.percentile(1) == 1_500_000 || histogram.percentile(1) <= 1_500_000)
        #expect(histogram.errors == 1)
    }

    @Test(arguments: [0, 1, 999, 1_000, 1_001, 50_000_000, UInt64.max])
    func everyDurationHasABucket(nanoseconds: UInt64) {
        let bucket = LatencyHistogram.bucket(nanoseconds: nanoseconds)
        #expect((0..<LatencyHistogram.bucketCount).contains(bucket))
    }

    @Test func bucketsGrowWithTheDuration() {
        var previous = 0
        for exponent in 0..<40 {
            let bucket = LatencyHistogram.bucket(nanoseconds: UInt64(1) << exponent)
            #expect(bucket >= previous)
            previous = bucket
        }
    }

    @Test func unknownMethodsCountAsOtherAndKnownOnesByName() {
        let monitor = ServerMonitor()
        monitor.requestFinished(method: "customer.show", code: nil, duration: .milliseconds(2))
        monitor.requestFinished(method: "customer.show", code: .notFound, duration: .milliseconds(4))
        monitor.requestFinished(method: "customer-42", code: .unknownMethod, duration: .microseconds(30))
        monitor.requestFinished(method: nil, code: .badRequest, duration: .microseconds(30))
        let latencies = monitor.requestLatencies()
        #expect(latencies.map(\.method) == ["customer.show", "other"])
        #expect(latencies[0].count == 2 && latencies[0].errors == 1)
        #expect(latencies[1].count == 2 && latencies[1].errors == 2)
        #expect(abs(latencies[0].maxMs - 4) < 0.001)
        let text = monitor.registry.emitToString()
        #expect(text.contains(#"dossier_requests_total{method="customer.show",code="dossier.NotFound"} 1"#))
        #expect(text.contains(#"dossier_requests_total{method="other",code="dossier.BadRequest"} 1"#))
        #expect(!text.contains("customer-42"))
    }

    @Test func connectionsAreCounted() {
        let monitor = ServerMonitor()
        monitor.connectionOpened()
        monitor.connectionOpened()
        monitor.connectionClosed()
        #expect(monitor.connectionCount == 1)
    }

    @Test func theRouterReportsEveryOutcomeIncludingRefusals() async throws {
        try await TestStore.with { store, _ in
            let monitor = ServerMonitor()
            let router = DossierMethods.router(store: store, serverVersion: "test", monitor: monitor)
            let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            let viewer = RequestContext(peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000), user: "v", role: .viewer, logger: quiet)
            for line in [
                #"{"id":1,"method":"log.head"}"#, #"{"id":2,"method":"admin.backup","params":{"path":"/x"}}"#,
                #"{"id":3,"method":"customer.show","params":{"id":"nobody"}}"#, "not json",
            ] {
                _ = await router.reply(to: ByteBuffer(string: line), context: viewer)
            }
            let text = monitor.registry.emitToString()
            #expect(text.contains(#"dossier_requests_total{method="log.head",code="ok"} 1"#))
            #expect(text.contains(#"dossier_requests_total{method="admin.backup",code="dossier.Forbidden"} 1"#))
            #expect(text.contains(#"dossier_requests_total{method="customer.show",code="dossier.NotFound"} 1"#))
            #expect(text.contains(#"dossier_requests_total{method="other",code="dossier.BadRequest"} 1"#))
        }
    }
}
