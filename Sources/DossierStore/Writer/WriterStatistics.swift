import Synchronization

/// Counters of the writer, for status and metrics.
public struct WriterStatistics: Sendable, Hashable {
    public var commits: UInt64 = 0
    public var committedJobs: UInt64 = 0
    public var failedJobs: UInt64 = 0
    public var largestBatch: Int = 0
    /// Commits by batch size: 1, 2-3, 4-7, ... (powers of two), up to 1024 and above.
    public var batchSizeBuckets: [UInt64] = Array(repeating: 0, count: 12)
    public var totalCommitNanoseconds: UInt64 = 0
    /// Flushes outside of commits (`durability` `meta_async` or `none`: periodic and at shutdown).
    public var syncs: UInt64 = 0

    public init() {}

    mutating func record(batchSize: Int, failed: Int, nanoseconds: UInt64) {
        self.commits += 1
        self.committedJobs += UInt64(batchSize - failed)
        self.failedJobs += UInt64(failed)
        self.largestBatch = max(self.largestBatch, batchSize)
        let bucket = min(self.batchSizeBuckets.count - 1, Int.bitWidth - 1 - max(1, batchSize).leadingZeroBitCount)
        self.batchSizeBuckets[bucket] += 1
        self.totalCommitNanoseconds += nanoseconds
    }
}
