internal import CLMDB
#if canImport(Glibc)
import Glibc
#endif

/// The operations every transaction offers: point reads and ordered scans.
///
/// Bytes LMDB lends (`UnsafeRawBufferPointer` in a closure) point into the memory map and are
/// valid only inside that closure (lmdb.h: "valid only until a subsequent update operation,
/// or the end of the transaction"); copy out what must outlive it.
public protocol Transaction: ~Copyable {
    /// The underlying `MDB_txn*`, for this module's use.
    var handle: TransactionHandle { get }
}

/// An opaque `MDB_txn*`; only the LMDB module can make or read one.
public struct TransactionHandle {
    let pointer: OpaquePointer
}

extension Transaction where Self: ~Copyable {
    /// Lends the value stored under `key`, or `nil` when there is none, to `body`.
    public func withValue<R>(
        _ database: Database,
        forKey key: some Collection<UInt8>,
        _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        try withKeyBytes(key) { keyBuffer in
            var k = MDB_val(mv_size: keyBuffer.count, mv_data: UnsafeMutableRawPointer(mutating: keyBuffer.baseAddress))
            var v = MDB_val()
            let rc = mdb_get(self.handle.pointer, database.dbi, &k, &v)
            if rc == MDB_NOTFOUND { return try body(nil) }
            try check(rc, "mdb_get")
            return try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
        }
    }

    /// A copy of the value stored under `key`, or `nil` when there is none.
    public func get(_ database: Database, forKey key: some Collection<UInt8>) throws -> [UInt8]? {
        try self.withValue(database, forKey: key) { value in value.map { Array($0) } }
    }

    /// Visits entries in key order starting at the first key `>= start` (or the first key),
    /// or in reverse order starting at the last key `<= start` (or the last key).
    /// `body` returns `false` to stop.
    public func scan(
        _ database: Database,
        from start: [UInt8]? = nil,
        reverse: Bool = false,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(self.handle.pointer, database.dbi, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }

        var k = MDB_val()
        var v = MDB_val()
        var rc: Int32
        if let start {
            rc = start.withUnsafeBytes { startBuffer in
                k = MDB_val(mv_size: startBuffer.count, mv_data: UnsafeMutableRawPointer(mutating: startBuffer.baseAddress))
                return mdb_cursor_get(cursor, &k, &v, MDB_SET_RANGE)
            }
            if reverse {
                if rc == MDB_NOTFOUND {
                    // Every key is below `start`: begin at the last one.
                    rc = mdb_cursor_get(cursor, &k, &v, MDB_LAST)
                } else if rc == MDB_SUCCESS, !rawEquals(k, start) {
                    // SET_RANGE landed on the first key above `start`: step back once.
                    rc = mdb_cursor_get(cursor, &k, &v, MDB_PREV)
                }
            }
        } else {
            rc = mdb_cursor_get(cursor, &k, &v, reverse ? MDB_LAST : MDB_FIRST)
        }
        let step = reverse ? MDB_PREV : MDB_NEXT
        while rc == MDB_SUCCESS {
            let keep = try body(
                UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size),
                UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)
            )
            if !keep { return }
            rc = mdb_cursor_get(cursor, &k, &v, step)
        }
        if rc != MDB_NOTFOUND { try check(rc, "mdb_cursor_get") }
    }

    /// The number of entries and the page layout of `database`.
    public func statistics(_ database: Database) throws -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(self.handle.pointer, database.dbi, &stat), "mdb_stat")
        return DatabaseStatistics(stat)
    }
}

/// `mdb_stat` of one database.
public struct DatabaseStatistics: Sendable, Equatable {
    public let entries: Int
    public let depth: Int
    public let branchPages: Int
    public let leafPages: Int
    public let overflowPages: Int
    public let pageSize: Int

    init(_ stat: MDB_stat) {
        self.entries = stat.ms_entries
        self.depth = Int(stat.ms_depth)
        self.branchPages = stat.ms_branch_pages
        self.leafPages = stat.ms_leaf_pages
        self.overflowPages = stat.ms_overflow_pages
        self.pageSize = Int(stat.ms_psize)
    }
}

/// A read-only snapshot of the environment, valid only inside `Environment.read`.
public struct ReadTransaction: Transaction, ~Copyable {
    public let handle: TransactionHandle
}

/// The single write transaction, valid only inside `Environment.write`.
public struct WriteTransaction: Transaction, ~Copyable {
    public let handle: TransactionHandle

    /// Stores `value` under `key`.
    /// - Throws: `LMDBError` with `.keyExists` for `.noOverwrite`/`.append` violations,
    ///   `.mapFull` when the map has no room (the environment grows it and runs the write again).
    public func put(
        _ database: Database,
        key: some Collection<UInt8>,
        value: some Collection<UInt8>,
        flags: PutFlags = []
    ) throws {
        try withKeyBytes(key) { keyBuffer in
            try withKeyBytes(value) { valueBuffer in
                var k = MDB_val(mv_size: keyBuffer.count, mv_data: UnsafeMutableRawPointer(mutating: keyBuffer.baseAddress))
                var v = MDB_val(mv_size: valueBuffer.count, mv_data: UnsafeMutableRawPointer(mutating: valueBuffer.baseAddress))
                try check(mdb_put(self.handle.pointer, database.dbi, &k, &v, flags.rawValue), "mdb_put")
            }
        }
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public func delete(_ database: Database, key: some Collection<UInt8>) throws -> Bool {
        try withKeyBytes(key) { keyBuffer in
            var k = MDB_val(mv_size: keyBuffer.count, mv_data: UnsafeMutableRawPointer(mutating: keyBuffer.baseAddress))
            let rc = mdb_del(self.handle.pointer, database.dbi, &k, nil)
            if rc == MDB_NOTFOUND { return false }
            try check(rc, "mdb_del")
            return true
        }
    }

    /// Removes every entry of `database`, keeping the database itself.
    public func clear(_ database: Database) throws {
        try check(mdb_drop(self.handle.pointer, database.dbi, 0), "mdb_drop")
    }
}

/// Runs `body` over contiguous bytes of `bytes`, copying only when the collection is not contiguous.
@inline(__always)
func withKeyBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
    if let result = try bytes.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return try Array(bytes).withUnsafeBytes(body)
}

private func rawEquals(_ value: MDB_val, _ bytes: [UInt8]) -> Bool {
    guard value.mv_size == bytes.count else { return false }
    return bytes.withUnsafeBytes { buffer in
        buffer.count == 0 || memcmp(value.mv_data, buffer.baseAddress!, buffer.count) == 0
    }
}
