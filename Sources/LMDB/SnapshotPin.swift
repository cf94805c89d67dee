internal import CLMDB
import Synchronization

/// Keeps one committed snapshot's pages from being reused, by holding a read transaction open
/// on it, without ever reading through it.
///
/// LMDB reuses a page freed by transaction T only once no reader is older than T. A write-ahead
/// journal relies on this: while the snapshot of its last checkpoint is pinned, later commits
/// (which are not flushed) write only pages that snapshot does not use, so after a power cut
/// that snapshot is still whole on disk and the journal can be applied to it again.
///
/// Unlike `read`, a pin holds no place in the resize gate (it would stop the map from ever
/// growing). That is safe because it never dereferences the map: `mdb_env_set_mapsize` refuses
/// only while a *write* transaction is open, and a remap moves nothing a pin holds. Its only
/// effect is its slot in the reader table of `lock.mdb`.
public final class SnapshotPin: Sendable {
    private let environment: Environment
    private let id: Int
    /// The transaction id of the pinned snapshot (LMDB's `mm_txnid` of its meta page).
    public let transactionID: UInt64

    fileprivate init(environment: Environment, id: Int, transactionID: UInt64) {
        self.environment = environment
        self.id = id
        self.transactionID = transactionID
    }

    /// Ends the pin; its pages may be reused from the next write transaction on. Later calls,
    /// and calls after the environment closed, do nothing.
    public func release() {
        self.environment.gate.shared {
            guard let txn = self.environment.pins.remove(self.id) else { return }
            if !self.environment.isClosed { mdb_txn_abort(txn) }
        }
    }

    deinit { self.release() }
}

extension Environment {
    /// Pins the latest committed snapshot (see `SnapshotPin`). Call it between write
    /// transactions to pin exactly the last commit.
    /// - Throws: `LMDBError` `.environmentClosed` once `close()` has run, `.readersFull`.
    public func pinSnapshot() throws -> SnapshotPin {
        try self.gate.shared { () throws(LMDBError) -> SnapshotPin in
            guard !self.isClosed else { throw LMDBError(code: .environmentClosed, operation: "mdb_txn_begin") }
            var txn: OpaquePointer?
            try check(mdb_txn_begin(self.env, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
            let transactionID = UInt64(mdb_txn_id(txn!))
            let id = self.pins.insert(txn!)
            return SnapshotPin(environment: self, id: id, transactionID: transactionID)
        }
    }
}

/// The open read transactions of an environment's pins.
final class PinRegistry: Sendable {
    // Guard: the mutex; each MDB_txn* is only ended by whoever removes it from the table.
    private let table = Mutex<(next: Int, open: [Int: UnsafeSendableTxn])>((0, [:]))

    func insert(_ txn: OpaquePointer) -> Int {
        self.table.withLock { table in
            table.next += 1
            table.open[table.next] = UnsafeSendableTxn(pointer: txn)
            return table.next
        }
    }

    func remove(_ id: Int) -> OpaquePointer? {
        self.table.withLock { $0.open.removeValue(forKey: id)?.pointer }
    }

    /// Aborts every open pin; called by `Environment.close` under the exclusive gate.
    func abortAll() {
        let open = self.table.withLock { table in
            defer { table.open = [:] }
            return Array(table.open.values)
        }
        for txn in open { mdb_txn_abort(txn.pointer) }
    }
}

/// An `MDB_txn*` moved between threads: allowed for read transactions under MDB_NOTLS, which
/// every environment of this module is opened with.
struct UnsafeSendableTxn: @unchecked Sendable {
    let pointer: OpaquePointer
}
