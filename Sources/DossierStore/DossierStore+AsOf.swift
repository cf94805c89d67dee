import DossierCore

extension DossierStore {
    /// The state of `stream` as the log showed it at `asOf` (log time): its events recorded at
    /// or before then, folded. Log time never goes back, so the first later event ends the fold.
    public func state<State: StreamState>(_ type: State.Type, of stream: StreamID, asOf: Timestamp) throws -> State? {
        try self.read { txn in
            try StreamFold(reader: self.reader).state(type, of: stream, in: txn) { $0.recordedAt <= asOf }
        }
    }
}
