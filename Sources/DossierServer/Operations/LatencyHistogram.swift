/// Request latencies of one method in a fixed log-scale histogram: four buckets per doubling
/// from 1 µs to about 4.5 minutes, so memory stays constant however many requests come, and a
/// percentile read from it is within about 9% of the true value (half a bucket's width).
struct LatencyHistogram: Sendable, Hashable {
    static let bucketsPerDoubling = 4.0
    /// Bucket 0 holds under 1 µs; bucket i >= 1 holds [2^((i-1)/4), 2^(i/4)) µs; the last is open.
    static let bucketCount = 113

    private(set) var buckets = [UInt64](repeating: 0, count: Self.bucketCount)
    private(set) var count: UInt64 = 0
    private(set) var errors: UInt64 = 0
    private(set) var maximumNanoseconds: UInt64 = 0

    mutating func record(nanoseconds: UInt64, failed: Bool) {
        self.buckets[Self.bucket(nanoseconds: nanoseconds)] += 1
        self.count += 1
        if failed { self.errors += 1 }
        self.maximumNanoseconds = max(self.maximumNanoseconds, nanoseconds)
    }

    static func bucket(nanoseconds: UInt64) -> Int {
        let microseconds = Double(nanoseconds) / 1000
        guard microseconds >= 1 else { return 0 }
        return min(Self.bucketCount - 1, 1 + Int((Self.bucketsPerDoubling * log2(microseconds)).rounded(.down)))
    }

    /// The latency below which a fraction `quantile` (0...1) of the requests fell, in
    /// nanoseconds: the geometric middle of the bucket holding that rank, never above the
    /// largest seen. 0 when nothing was recorded.
    func percentile(_ quantile: Double) -> Double {
        guard self.count > 0 else { return 0 }
        let rank = max(1, UInt64((quantile * Double(self.count)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, bucketCount) in self.buckets.enumerated() {
            seen += bucketCount
            if seen >= rank {
                let middle = index == 0 ? 500 : 1000 * pow(2, (Double(index) - 0.5) / Self.bucketsPerDoubling)
                return min(middle, Double(self.maximumNanoseconds))
            }
        }
        return Double(self.maximumNanoseconds)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
