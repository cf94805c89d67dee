import DossierCore
import Foundation

// Parameters and results of the operations methods: admin.backup, system.status, system.metrics.

// MARK: - admin.backup

public struct BackupParams: Codable, Hashable, Sendable {
    /// Absolute path of a new or empty directory on the daemon's machine.
    public var path: String
    public init(path: String) { self.path = path }
}

public struct BackupResult: Codable, Hashable, Sendable {
    /// The directory that holds the copy.
    public var path: String
    /// Events in the copy, counted by walking its hash chain.
    public var events: UInt64
    /// The copy's head, recomputed from its events.
    public var head: HeadResult
    /// The copy's hash chain is unbroken up to its stored head.
    public var intact: Bool
    /// The first problem found, when not intact.
    public var failure: String?
    /// Size of the copy's `data.mdb`.
    public var bytes: Int
    /// Time spent copying and checking.
    public var seconds: Double

    public init(
        path: String, events: UInt64, head: HeadResult, intact: Bool, failure: String? = nil, bytes: Int, seconds: Double
    ) {
        self.path = path
        self.events = events
        self.head = head
        self.intact = intact
        self.failure = failure
        self.bytes = bytes
        self.seconds = seconds
    }
}

// MARK: - system.status

public struct StatusResult: Codable, Hashable, Sendable {
    public var server: String
    public var version: String
    public var startedAt: Timestamp
    public var uptimeSeconds: Double
    /// The daemon's data directory.
    public var dataDir: String
    /// Events in the log (the head sequence).
    public var events: UInt64
    public var head: HeadResult
    public var storage: StorageStatus
    /// Open client connections.
    public var connections: Int
    public var writer: WriterStatus
    /// Requests per method since start, methods never called left out.
    public var requests: [MethodLatency]
    /// The log's time against the wall clock.
    public var clock: ClockStatus

    public init(
        server: String, version: String, startedAt: Timestamp, uptimeSeconds: Double, dataDir: String, events: UInt64,
        head: HeadResult, storage: StorageStatus, connections: Int, writer: WriterStatus, requests: [MethodLatency],
        clock: ClockStatus
    ) {
        self.server = server
        self.version = version
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.dataDir = dataDir
        self.events = events
        self.head = head
        self.storage = storage
        self.connections = connections
        self.writer = writer
        self.requests = requests
        self.clock = clock
    }
}

/// Log time never goes back: while the wall clock is behind the last recorded event, events are
/// recorded at that event's time. This says whether and how far the wall clock stepped back.
public struct ClockStatus: Codable, Hashable, Sendable {
    /// The time of the last recorded event (absent for an empty log).
    public var logTime: Timestamp?
    /// Times the wall clock was found behind the log since start.
    public var stepsBack: UInt64
    /// The largest distance the wall clock was behind the log, in milliseconds.
    public var largestStepBackMs: Int64
    /// Whether log time is holding now, waiting for the wall clock to catch up.
    public var holding: Bool

    public init(logTime: Timestamp?, stepsBack: UInt64, largestStepBackMs: Int64, holding: Bool) {
        self.logTime = logTime
        self.stepsBack = stepsBack
        self.largestStepBackMs = largestStepBackMs
        self.holding = holding
    }
}

public struct StorageStatus: Codable, Hashable, Sendable {
    /// Size of `data.mdb` on disk.
    public var fileBytes: Int
    /// Pages in use, in bytes (last page number + 1, times the page size).
    public var usedBytes: Int
    /// The current memory map; it grows on demand.
    public var mapBytes: Int
    /// `store.max_map_size`: appends beyond it fail with `dossier.StorageFull`.
    public var maxMapBytes: Int
    /// LMDB reader slots taken so far (a high-water mark: slots are reused, not freed), and
    /// the most there may be (`store.max_readers`).
    public var readers: Int
    public var maxReaders: Int

    public init(fileBytes: Int, usedBytes: Int, mapBytes: Int, maxMapBytes: Int, readers: Int, maxReaders: Int) {
        self.fileBytes = fileBytes
        self.usedBytes = usedBytes
        self.mapBytes = mapBytes
        self.maxMapBytes = maxMapBytes
        self.readers = readers
        self.maxReaders = maxReaders
    }
}

public struct WriterStatus: Codable, Hashable, Sendable {
    /// Write transactions committed.
    public var commits: UInt64
    /// Commands and appends committed, and refused (by a rule, a version check or a failure).
    public var committedJobs: UInt64
    public var failedJobs: UInt64
    public var largestBatch: Int
    /// Mean time of one commit (the transaction and its flush), in milliseconds.
    public var meanCommitMs: Double
    /// Commits by batch size, in power-of-two buckets; buckets without commits left out.
    public var batchSizes: [BatchSizeBucket]
    /// Flushes outside of commits (`durability` `meta_async` or `none`).
    public var syncs: UInt64

    public init(
        commits: UInt64, committedJobs: UInt64, failedJobs: UInt64, largestBatch: Int, meanCommitMs: Double,
        batchSizes: [BatchSizeBucket], syncs: UInt64 = 0
    ) {
        self.commits = commits
        self.committedJobs = committedJobs
        self.failedJobs = failedJobs
        self.largestBatch = largestBatch
        self.meanCommitMs = meanCommitMs
        self.batchSizes = batchSizes
        self.syncs = syncs
    }
}

public struct BatchSizeBucket: Codable, Hashable, Sendable {
    /// Smallest batch size of the bucket.
    public var min: Int
    /// Largest batch size of the bucket; absent for the last, open-ended one.
    public var max: Int?
    public var commits: UInt64

    public init(min: Int, max: Int?, commits: UInt64) {
        self.min = min
        self.max = max
        self.commits = commits
    }
}

public struct MethodLatency: Codable, Hashable, Sendable {
    /// A method name, or `other` for names that are no method.
    public var method: String
    public var count: UInt64
    /// Replies that were errors.
    public var errors: UInt64
    /// Latency percentiles in milliseconds, estimated from a log-bucket histogram (within
    /// about 12% of the true value), and the largest seen.
    public var p50Ms: Double
    public var p90Ms: Double
    public var p99Ms: Double
    public var maxMs: Double

    public init(method: String, count: UInt64, errors: UInt64, p50Ms: Double, p90Ms: Double, p99Ms: Double, maxMs: Double) {
        self.method = method
        self.count = count
        self.errors = errors
        self.p50Ms = p50Ms
        self.p90Ms = p90Ms
        self.p99Ms = p99Ms
        self.maxMs = maxMs
    }
}

// MARK: - system.metrics

public struct MetricsResult: Codable, Hashable, Sendable {
    /// The media type of `text`.
    public var contentType: String
    /// Every metric in the Prometheus text exposition format.
    public var text: String

    public static let prometheusContentType = "text/plain; version=0.0.4; charset=utf-8"

    public init(contentType: String = Self.prometheusContentType, text: String) {
        self.contentType = contentType
        self.text = text
    }
}
