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
    // when no transaction of this process is open; `mapSize` is only touched under the same
    // exclusive gate or read under the shared gate.
    private let env: OpaquePointer
    private let gate = ResizeGate()
    private nonisolated(unsafe) var currentMapSize: Int
    private nonisolated(unsafe) var isClosed = false

    /// The directory that holds `data.mdb` and `lock.mdb`.
    public let path: String
    public let configuration: Configuration

    /// Opens (creating if needed) the environment in directory `path`.
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
        // Clear reader slots left behind by a process that died holding a read transaction.
        var dead: Int32 = 0
        mdb_reader_check(env, &dead)
    }

    deinit {
        self.close()
    }

    /// Closes the environment. Call only when no transaction is running; later calls do nothing.
    public func close() {
        self.gate.exclusive {
            if !self.isClosed {
                self.isClosed = true
                mdb_env_close(self.env)
            }
        }
    }

    // MARK: - Databases

    /// Opens the named database, creating it when `create` is set; `nil` names the main
    /// database, whose keys are the names of the named ones.
    /// - Throws: `LMDBError` `.notFound` when it does not exist and `create` is not set.
    public func openDatabase(named name: String?, create: Bool = true) throws -> Database {
        try self.write { txn in
            var dbi: MDB_dbi = 0
            let flags = create && name != nil ? UInt32(MDB_CREATE) : 0
            try check(mdb_dbi_open(txn.handle.pointer, name, flags, &dbi), "mdb_dbi_open")
            return Database(dbi: dbi, name: name ?? "")
        }
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only snapshot. Keep it short: a long reader pins old pages.
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try self.gate.shared {
            let txn = try self.begin(flags: UInt32(MDB_RDONLY))
            defer { mdb_txn_abort(txn) }
            return try body(ReadTransaction(handle: TransactionHandle(pointer: txn)))
        }
    }

    /// Runs `body` in the write transaction and commits when it returns; aborts when it throws.
    ///
    /// When the map is full, the transaction is aborted, the map grows (doubling, up to
    /// `configuration.maximumMapSize`) and `body` runs again from the start, so `body` must not
    /// carry state from a failed attempt. At the maximum, `.mapFull` is thrown.
    public func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        while true {
            do {
                return try self.gate.shared {
                    let txn = try self.begin(flags: 0)
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

    private func begin(flags: UInt32) throws -> OpaquePointer {
        precondition(!self.isClosed, "transaction on a closed LMDB environment")
        var txn: OpaquePointer?
        var rc = mdb_txn_begin(self.env, nil, flags, &txn)
        if rc == MDB_MAP_RESIZED {
            // Another process grew the map: adopt its size (lmdb.h, mdb_env_set_mapsize with 0).
            // Safe here because this transaction did not start.
            mdb_env_set_mapsize(self.env, 0)
            rc = mdb_txn_begin(self.env, nil, flags, &txn)
        }
        try check(rc, "mdb_txn_begin")
        return txn!
    }

    private func growMap(after error: LMDBError) throws {
        try self.gate.exclusive { () throws(LMDBError) in
            let limit = self.configuration.maximumMapSize
            guard self.currentMapSize < limit else { throw error }
            let next = min(limit, max(self.currentMapSize * 2, self.currentMapSize + (64 << 20)))
            try check(mdb_env_set_mapsize(self.env, next), "mdb_env_set_mapsize")
            self.currentMapSize = next
            self.configuration.onMapGrowth?(next)
        }
    }

    // MARK: - Maintenance

    /// Flushes buffers to disk; needed only with `.noSync`/`.noMetaSync`.
    public func sync(force: Bool = true) throws {
        try check(mdb_env_sync(self.env, force ? 1 : 0), "mdb_env_sync")
    }

    /// Writes a consistent copy of the environment into the existing empty directory `path`
    /// while writers keep going (`mdb_env_copy2`); `compact` omits free pages.
    ///
    /// The copy reads through its own read transaction for its whole length, so it holds the
    /// shared gate like any reader: a map resize waits until the copy ends.
    public func copy(to path: String, compact: Bool = true) throws {
        try self.gate.shared {
            precondition(!self.isClosed, "copy of a closed LMDB environment")
            try check(mdb_env_copy2(self.env, path, compact ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copy2")
        }
    }

    /// Map size, used pages and the last transaction id.
    public func info() -> EnvironmentInfo {
        self.gate.shared {
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
    }
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
