import DossierCore
import Foundation
import LMDB

extension DossierStore {
    /// A read snapshot of the log; once the store is closed, `StoreError.shuttingDown`.
    func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        do {
            return try self.environment.read(body)
        } catch let error as LMDBError where error.code == .environmentClosed {
            throw StoreError.shuttingDown
        }
    }

    /// The last sequence and head hash.
    public func head() throws -> LogHead {
        try self.read { txn in try self.reader.head(in: txn) }
    }

    /// Up to `limit` events of `stream`, from version `from`.
    public func readStream(_ stream: StreamID, from version: UInt64 = 1, limit: Int) throws -> [RecordedEvent] {
        try self.read { txn in try self.reader.readStream(stream, from: version, limit: limit, in: txn) }
    }

    /// Up to `limit` events of the whole log (`$all`), from sequence `from`.
    public func readAll(from sequence: UInt64 = 1, limit: Int) throws -> [RecordedEvent] {
        try self.read { txn in try self.reader.readAll(from: sequence, limit: limit, in: txn) }
    }

    /// The version of the stream's last event, 0 when it does not exist.
    public func currentVersion(of stream: StreamID) throws -> UInt64 {
        try self.read { txn in try self.reader.currentVersion(of: stream, in: txn) }
    }

    /// The event with `id`, if the log holds one.
    public func event(id: UUID) throws -> RecordedEvent? {
        try self.read { txn in
            guard let sequence = try self.reader.sequence(ofEventID: id, in: txn) else { return nil }
            return try self.reader.event(at: sequence, in: txn)
        }
    }

    /// Size and use of the memory map.
    public func storageInfo() -> EnvironmentInfo { self.environment.info() }
}
