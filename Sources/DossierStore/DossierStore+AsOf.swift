import DossierCore
import LMDB

extension DossierStore {
    /// The state of `stream` as the log showed it at `asOf` (log time): its events recorded at
    /// or before then, folded. Log time never goes back, so the first later event ends the fold.
    public func state<State: StreamState>(_ type: State.Type, of stream: StreamID, asOf: Timestamp) throws -> State? {
        try self.read { txn in try StreamFold(reader: self.reader).state(type, of: stream, in: txn, asOf: asOf) }
    }

    /// One page of a list as the log showed it at `asOf`: for each key of `table` (after
    /// `after`, within `prefix`), the state of the stream `stream` names, folded to `asOf`;
    /// streams that did not exist yet, and states `include` refuses, are left out.
    ///
    /// Lists as of a past time cost a fold per row instead of a read: they are long reads.
    func page<State: StreamState>(
        _ type: State.Type, keysOf table: ProjectionTable, prefix: [UInt8] = [], after: [UInt8]?, limit: Int,
        asOf: Timestamp, stream: @escaping ([UInt8]) -> StreamID, where include: (State) -> Bool = { _ in true }
    ) throws -> [State] {
        try self.read { txn in
            let fold = StreamFold(reader: self.reader)
            return try txn.pageOfKeys(self.databases.projections[table], prefix: prefix, after: after, limit: limit) {
                key in
                try fold.state(type, of: stream(key), in: txn, asOf: asOf).flatMap { include($0) ? $0 : nil }
            }
        }
    }
}

extension StreamFold {
    /// The state of `stream` from its events recorded at or before `asOf`.
    func state<State: StreamState>(
        _ type: State.Type, of stream: StreamID, in txn: borrowing some Transaction & ~Copyable, asOf: Timestamp
    ) throws -> State? {
        try self.state(type, of: stream, in: txn) { $0.recordedAt <= asOf }
    }
}
