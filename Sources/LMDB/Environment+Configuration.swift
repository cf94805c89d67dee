internal import CLMDB

extension Environment {
    /// How an environment is opened. Every value has a default suited to Dossier's log.
    public struct Configuration: Sendable {
        /// The map size to start with; the map grows on demand up to `maximumMapSize`.
        public var initialMapSize: Int = 64 << 20
        /// The largest the map may grow to; a write beyond it fails with `.mapFull`.
        public var maximumMapSize: Int = 1 << 40
        /// Named databases the environment may hold.
        public var maxDatabases: Int = 32
        /// Concurrent read transactions across all processes.
        public var maxReaders: Int = 256
        /// Environment flags.
        public var flags: Flags = [.noTLS]
        /// File mode of `data.mdb` and `lock.mdb`.
        public var fileMode: UInt32 = 0o600
        /// Called (under the resize lock) with the new size whenever the map grows.
        public var onMapGrowth: (@Sendable (Int) -> Void)?

        public init() {}
    }

    /// Flags for `mdb_env_open`.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Read transactions are not tied to a thread (needed with thread pools and async code).
        public static let noTLS = Flags(rawValue: UInt32(MDB_NOTLS))
        /// Skip the flush of the meta page at commit: the database stays intact after a crash,
        /// but the last transactions may be lost until the next flush. Weakens durability.
        public static let noMetaSync = Flags(rawValue: UInt32(MDB_NOMETASYNC))
        /// Do not flush at commit at all. Fast and unsafe: a power cut may lose or corrupt data.
        public static let noSync = Flags(rawValue: UInt32(MDB_NOSYNC))
        /// Do not let the kernel read ahead; helps when the data set is larger than RAM.
        public static let noReadAhead = Flags(rawValue: UInt32(MDB_NORDAHEAD))
        /// Open for reading only: no write transaction, and nothing in the data file changes.
        public static let readOnly = Flags(rawValue: UInt32(MDB_RDONLY))
        /// Use no lock file (`lock.mdb` is neither created nor opened). Safe only when no other
        /// process writes the environment, e.g. a backup copy or a stopped daemon's files.
        public static let noLock = Flags(rawValue: UInt32(MDB_NOLOCK))
        /// Commits write their pages into the memory map instead of writing them to the file;
        /// the kernel writes them back when it likes, and `sync` (msync) makes them durable.
        /// With `.noSync`, a commit is then no system call at all. The data file is as large as
        /// the map and its blocks are reserved when the map is set (`posix_fallocate`): a store
        /// into a page of a full disk would otherwise be a SIGBUS, not an error.
        public static let writeMap = Flags(rawValue: UInt32(MDB_WRITEMAP))
        /// `path` names the data file itself, not a directory holding `data.mdb`.
        public static let noSubdirectory = Flags(rawValue: UInt32(MDB_NOSUBDIR))
    }
}
