extension DossierStore {
    /// How the store opens its data directory. Defaults are documented in `config/dossierd.toml`.
    public struct Configuration: Sendable, Hashable {
        /// Directory holding `data.mdb` and `lock.mdb`; created with mode 0700 when missing.
        public var dataDirectory: String
        /// Map size to start with, in bytes; it grows on demand.
        public var initialMapSize: Int = 64 << 20
        /// The largest the map may grow to; appends beyond it fail with `dossier.StorageFull`.
        public var maximumMapSize: Int = 1 << 40
        /// The most commands one commit may carry.
        public var maximumBatchSize: Int = 1024
        /// Concurrent read transactions.
        public var maximumReaders: Int = 256
        public var durability: Durability = .full
        /// What is checked before the store serves anything.
        public var verifyOnStart: StartupVerification = .head
        /// With `durability` `meta_async` or `none`: how often unflushed commits are flushed,
        /// in milliseconds (0: only at shutdown).
        public var syncIntervalMilliseconds: Int = 1000
        /// Rebuild every projection from the log when opening, even when their stored format is
        /// this build's: for a log written by other code (an older daemon, a fixture, a restored
        /// export) whose tables cannot be trusted.
        public var rebuildProjections = false
        /// How a commit is made durable; `lmdb` (today's path) until the journal is proven.
        public var writePath: WritePath = .lmdb
        /// Each of the journal's two segments, in bytes: the most journal a checkpoint may
        /// leave behind, and the largest group the journal takes.
        public var journalSegmentBytes: Int = 64 << 20
        /// A checkpoint starts once this much journal has been written since the last one.
        public var checkpointBytes: Int = 16 << 20
        /// A checkpoint starts once this long has passed since the last one (with events).
        public var checkpointIntervalMilliseconds: Int = 1000
        /// A checkpoint starts once `data.mdb`'s used pages grew this much since the last one
        /// started: until a checkpoint is durable its snapshot is pinned, every commit takes
        /// fresh pages, and this bounds how much the file grows for it.
        public var checkpointGrowthBytes: Int = 64 << 20
        /// With the journal: how LMDB's commits put their pages into `data.mdb`.
        public var journalPageWrites: JournalPageWrites = .write

        public init(dataDirectory: String) {
            self.dataDirectory = dataDirectory
        }

        /// Whether commits go through the write-ahead journal.
        var journalIsActive: Bool { self.writePath == .journal && self.durability == .full }
    }

    /// How much of the log is checked when the store opens.
    public enum StartupVerification: String, Sendable, Hashable, CaseIterable {
        /// Nothing beyond LMDB's own checks.
        case off
        /// The last event exists, carries the head's sequence and hash, and its hash matches its
        /// bytes and its predecessor: catches a truncated or rolled-back file and a forged head
        /// in time independent of the log's size.
        case head
        /// The whole hash chain (about a second per million events here).
        case full
    }

    /// How a commit with `durability` `full` reaches the disk.
    public enum WritePath: String, Sendable, Hashable, CaseIterable {
        /// LMDB's own commit: data pages flushed, then the meta page flushed, per group.
        case lmdb
        /// One flush of the group's events appended to the write-ahead journal (`journal.wal`);
        /// LMDB is applied without a flush and made durable at checkpoints. At start, the
        /// journal's events beyond LMDB's durable checkpoint are applied again, by sequence.
        case journal
    }

    /// With the journal, how a commit's pages reach `data.mdb` before the checkpoint's flush.
    public enum JournalPageWrites: String, Sendable, Hashable, CaseIterable {
        /// Stored into the memory map (MDB_WRITEMAP): a commit makes no system call and copies
        /// no page; the kernel writes them back, at the latest at the checkpoint's msync.
        /// `data.mdb` is then as large as the map, its blocks reserved up front. Measured
        /// slower than `write` at one and 32 clients, faster for imports (docs/PERFORMANCE.md).
        case map
        /// Written with one `pwrite` per dirty page at every commit (LMDB's default).
        case write
    }

    /// What an acknowledgement promises.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// Every commit is flushed before callers are answered: survives kill -9 and power loss.
        case full
        /// The meta page is flushed lazily (MDB_NOMETASYNC): the file stays intact, but after a
        /// power cut the last commits may be missing. Survives kill -9.
        case metaAsync = "meta_async"
        /// No flush at commit (MDB_NOSYNC): for tests and bulk imports only.
        case none
    }
}
