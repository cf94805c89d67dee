internal import CLMDB
#if canImport(Glibc)
import Glibc
#endif

/// An open LMDB environment: one memory-mapped file (`data.mdb`) in a directory.
///
/// Open it once per process (lmdb.h: "do not have open an LMDB database twice in the same
/// process at the same time"); open named databases once, at startup, with `openDatabase`.
/// Transactions exist only inside `read` and `write` closures, so none can outlive its scope,
/// cross an `await`, or leak to another thread.
public final class Environment: @unchecked Sendable {
    // Guard: an MDB_env is documented safe to share between threads; LMDB serialises write
    // transactions with its own mutex; the map size is only changed under `gate.exclusive`,
    // when no transaction of this process is open; `currentMapSize` and `isClosed` are only
    // written under the same exclusive gate and read under the shared gate. `env`, `gate` and
    // `isClosed` are internal for the snapshot pins (SnapshotPin.swift), which keep that rule.
    let env: OpaquePointer
    let gate = ResizeGate()
    private nonisolated(unsafe) var currentMapSize: Int
    nonisolated(unsafe) var isClosed = false
    /// Read transactions held open by `pinSnapshot`, ended by `close` at the latest.
    let pins = PinRegistry()

    /// The directory that holds `data.mdb` and `lock.mdb` (or, with `.noSubdirectory`, the
    /// data file itself).
    public let path: String
    public let configuration: Configuration

    /// Opens (creating if needed, unless `.readOnly`) the environment in directory `path`.
    /// - Throws: `LMDBError` from `mdb_env_create`/`mdb_env_open`, e.g. `ENOENT` when the
    ///   directory is missing, `.invalid` when the file is not an LMDB file.
    public init(path: String, configuration: Configuration = .init()) throws {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: .invalid, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(configuration.maxDatabases)), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(env, UInt32(configuration.maxReaders)), "mdb_env_set_maxreaders")
            try check(mdb_env_set_mapsize(env, configuration.initialMapSize), "mdb_env_set_mapsize")
            try check(mdb_env_open(env, path, configuration.flags.rawValue, configuration.fileMode), "mdb_env_open")
            var opened = MDB_envinfo()
            mdb_env_info(env, &opened)
            try Self.reserveFileBlocks(env, upTo: opened.me_mapsize, flags: configuration.flags)
        } catch {
            // lmdb.h: "if this function fails, mdb_env_close() must be called to discard the handle".
            mdb_env_close(env)
            throw error
        }
        self.env = env
        self.path = path
        self.configuration = configuration
        var info = MDB_envinfo()
        mdb_env_info(env, &info)
        // An existing file may already be larger than the configured initial size.
        self.currentMapSize = info.me_mapsize
        if !configuration.flags.contains(.noLock) {
            // Clear reader slots left behind by a process that died holding a read transaction.
            var dead: Int32 = 0
            mdb_reader_check(env, &dead)
        }
    }

    deinit {
        self.close()
    }

    /// Closes the environment once every running transaction has ended. Later transactions
    /// throw `.environmentClosed`; later calls of `close` do nothing.
    public func close() {
        self.gate.exclusive {
            if !self.isClosed {
                self.isClosed = true
                // A pinned reader's slot lives in the lock file that closing unmaps.
                self.pins.abortAll()
                mdb_env_close(self.env)
            }
        }
    }

    // MARK: - Databases

    /// Opens the named database, creating it when `create` is set; `nil` names the main
    /// database, whose keys are the names of the named ones. In a `.readOnly` environment the
    /// database must exist.
    /// - Throws: `LMDBError` `.notFound` when it does not exist and `create` is not set.
    public func openDatabase(named name: String?, create: Bool = true) throws -> Database {
        let open: (OpaquePointer, UInt32) throws -> Database = { txn, flags in
            var dbi: MDB_dbi = 0
            try check(mdb_dbi_open(txn, name, flags, &dbi), "mdb_dbi_open")
            return Database(dbi: dbi, name: name ?? "")
        }
        if self.configuration.flags.contains(.readOnly) {
            // A handle opened in a transaction lives on only if that transaction commits
            // (lmdb.h, mdb_dbi_open); a read-only one may.
            return try self.withTransaction(flags: UInt32(MDB_RDONLY), long: false) { txn in
                let database: Database
                do {
                    database = try open(txn, 0)
                } catch {
                    mdb_txn_abort(txn)
                    throw error
                }
                try check(mdb_txn_commit(txn), "mdb_txn_commit")
                return database
            }
        }
        return try self.write { txn in
            try open(txn.handle.pointer, create && name != nil ? UInt32(MDB_CREATE) : 0)
        }
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only snapshot. Keep it short: a long reader pins old pages.
    /// - Throws: `LMDBError` `.environmentClosed` once `close()` has run.
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try self.withTransaction(flags: UInt32(MDB_RDONLY), long: false) { txn in
            defer { mdb_txn_abort(txn) }
            return try body(ReadTransaction(handle: TransactionHandle(pointer: txn)))
        }
    }

    /// Runs `body` in the write transaction and commits when it returns; aborts when it throws.
    ///
    /// When the map is full, the transaction is aborted, the map grows (doubling, up to
    /// `configuration.maximumMapSize`) and `body` runs again from the start, so `body` must not
    /// carry state from a failed attempt. At the maximum, `.mapFull` is thrown.
    /// - Throws: `LMDBError` `.environmentClosed` once `close()` has run.
    public func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        while true {
            do {
                return try self.withTransaction(flags: 0, long: false) { txn in
                    let result: R
                    do {
                        result = try body(WriteTransaction(handle: TransactionHandle(pointer: txn)))
                    } catch {
                        mdb_txn_abort(txn)
                        throw error
                    }
                    // mdb_txn_commit frees the transaction whether it succeeds or not.
                    try check(mdb_txn_commit(txn), "mdb_txn_commit")
                    return result
                }
            } catch let error as LMDBError where error.code == .mapFull {
                try self.growMap(after: error)
            }
        }
    }

    /// Begins a transaction under the gate and hands it to `body`, which must end it.
    ///
    /// When another process grew the map, `mdb_txn_begin` answers `MDB_MAP_RESIZED`; the new
    /// size is then adopted under the exclusive gate (lmdb.h: `mdb_env_set_mapsize` with 0 is
    /// allowed only while this process has no transaction open) and the transaction begins again.
    private func withTransaction<R>(flags: UInt32, long: Bool, _ body: (OpaquePointer) throws -> R) throws -> R {
        while true {
            let attempt: R? = try self.holdingGate(long: long) {
                guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_txn_begin") }
                var txn: OpaquePointer?
                let rc = mdb_txn_begin(self.env, nil, flags, &txn)
                if rc == MDB_MAP_RESIZED { return nil }
                try check(rc, "mdb_txn_begin")
                return try body(txn!)
            }
            if let attempt { return attempt }
            try self.adoptMapSize()
        }
    }

    private func holdingGate<R>(long: Bool, _ body: () throws -> R) throws -> R {
        long ? try self.gate.sharedLong(body) : try self.gate.shared(body)
    }

    /// Takes over the map size another process set.
    private func adoptMapSize() throws {
        try self.gate.exclusive { () throws(LMDBError) in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_env_set_mapsize") }
            try check(mdb_env_set_mapsize(self.env, 0), "mdb_env_set_mapsize")
            var info = MDB_envinfo()
            mdb_env_info(self.env, &info)
            try Self.reserveFileBlocks(self.env, upTo: info.me_mapsize, flags: self.configuration.flags)
            self.currentMapSize = info.me_mapsize
        }
    }

    private func growMap(after error: LMDBError) throws {
        try self.gate.exclusive { () throws(LMDBError) in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_env_set_mapsize") }
            let limit = self.configuration.maximumMapSize
            guard self.currentMapSize < limit else { throw error }
            let next = min(limit, max(self.currentMapSize * 2, self.currentMapSize + (64 << 20)))
            try Self.reserveFileBlocks(self.env, upTo: next, flags: self.configuration.flags)
            try check(mdb_env_set_mapsize(self.env, next), "mdb_env_set_mapsize")
            self.currentMapSize = next
            self.configuration.onMapGrowth?(next)
        }
    }

    /// Grows the map now, so that at least `bytes` lie between the pages in use and its end
    /// (up to `configuration.maximumMapSize`). A long reader (a backup) calls it first: no
    /// resize can happen while it reads, so it leaves room for the writes that go on meanwhile.
    public func reserveMapSpace(_ bytes: Int) throws {
        try self.gate.exclusive { () throws(LMDBError) in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_env_set_mapsize") }
            let used = self.unguardedInfo().usedBytes
            let wanted = min(self.configuration.maximumMapSize, used + bytes)
            guard wanted > self.currentMapSize else { return }
            try Self.reserveFileBlocks(self.env, upTo: wanted, flags: self.configuration.flags)
            try check(mdb_env_set_mapsize(self.env, wanted), "mdb_env_set_mapsize")
            var info = MDB_envinfo()
            mdb_env_info(self.env, &info)
            self.currentMapSize = info.me_mapsize
            self.configuration.onMapGrowth?(self.currentMapSize)
        }
    }

    /// With `.writeMap`, reserves the data file's blocks up to `size`, before the map covers
    /// them: a store into a page the disk has no room for would be a SIGBUS, so a full disk
    /// must show here, as an error of the open or of the growth.
    private static func reserveFileBlocks(_ env: OpaquePointer, upTo size: Int, flags: Flags) throws(LMDBError) {
        guard flags.contains(.writeMap), !flags.contains(.readOnly) else { return }
        var descriptor: Int32 = -1
        try check(mdb_env_get_fd(env, &descriptor), "mdb_env_get_fd")
        let rc = posix_fallocate(descriptor, 0, off_t(size))
        guard rc == 0 else { throw LMDBError(code: .init(rawValue: rc), operation: "posix_fallocate") }
    }

    // MARK: - Maintenance

    /// Flushes buffers to disk; needed only with `.noSync`/`.noMetaSync`.
    /// - Throws: `LMDBError` `.environmentClosed` once `close()` has run.
    public func sync(force: Bool = true) throws {
        try self.gate.shared { () throws(LMDBError) in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_env_sync") }
            try check(mdb_env_sync(self.env, force ? 1 : 0), "mdb_env_sync")
        }
    }

    /// Writes a consistent copy of the environment to the open file `descriptor` while writers
    /// keep going (`mdb_env_copyfd2`); `compact` omits free pages. The caller opened the file
    /// (so it chose its flags and mode) and closes it.
    ///
    /// The copy reads through one read transaction for its whole length: it holds the gate as a
    /// long reader, so a map resize waits until it ends, while short reads go on.
    public func copy(toDescriptor descriptor: Int32, compact: Bool = true) throws {
        try self.gate.sharedLong { () throws(LMDBError) in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_env_copyfd2") }
            try check(mdb_env_copyfd2(self.env, descriptor, compact ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copyfd2")
        }
    }

    /// Map size, used pages and the last transaction id.
    public func info() -> EnvironmentInfo {
        self.gate.shared { self.unguardedInfo() }
    }

    private func unguardedInfo() -> EnvironmentInfo {
        guard !self.isClosed else {
            return EnvironmentInfo(
                mapSize: self.currentMapSize, usedBytes: 0, lastTransactionID: 0, pageSize: 0, maxReaders: 0,
                readersInUse: 0)
        }
        var info = MDB_envinfo()
        mdb_env_info(self.env, &info)
        var stat = MDB_stat()
        mdb_env_stat(self.env, &stat)
        return EnvironmentInfo(
            mapSize: info.me_mapsize,
            usedBytes: (info.me_last_pgno + 1) * Int(stat.ms_psize),
            lastTransactionID: info.me_last_txnid,
            pageSize: Int(stat.ms_psize),
            maxReaders: Int(info.me_maxreaders),
            readersInUse: Int(info.me_numreaders)
        )
    }

    /// Long readers (copies) running now; for tests and status.
    public var longReaders: Int { self.gate.longReaderCount }

    /// The map size this environment grows from (what it last set or adopted).
    var recordedMapSize: Int { self.gate.shared { self.currentMapSize } }
}

/// What `mdb_env_info` and `mdb_env_stat` report about an environment.
public struct EnvironmentInfo: Sendable, Equatable {
    public let mapSize: Int
    public let usedBytes: Int
    public let lastTransactionID: Int
    public let pageSize: Int
    public let maxReaders: Int
    public let readersInUse: Int
}
