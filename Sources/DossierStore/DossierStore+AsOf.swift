import DossierCore

extension DossierStore {
    /// The customer as the log showed them at `asOf` (log time): their stream folded up to the
    /// last event recorded at or before it. nil when the customer was not registered yet.
    public func customer(_ id: CustomerID, asOf: Timestamp) throws -> CustomerState? {
        try self.fold(.customer(id), asOf: asOf, CustomerState.apply)
    }

    /// The complaint as the log showed it at `asOf` (log time).
    public func complaint(_ number: ComplaintNumber, asOf: Timestamp) throws -> ComplaintState? {
        try self.fold(.complaint(number), asOf: asOf, ComplaintState.apply)
    }

    /// Folds the events of `stream` recorded at or before `asOf`, a page at a time. Events of a
    /// stream are recorded in version order, so the first later one ends the fold.
    private func fold<State>(
        _ stream: StreamID, asOf: Timestamp, _ apply: (State?, DomainEvent, EventMetadata) -> State?
    ) throws -> State? {
        var state: State?
        var version: UInt64 = 1
        while true {
            let events = try self.readStream(stream, from: version, limit: 1000)
            for event in events {
                guard event.recordedAt <= asOf else { return state }
                state = apply(state, try DomainEvent.decode(event), EventMetadata(event))
            }
            guard let last = events.last, events.count == 1000 else { return state }
            version = last.version + 1
        }
    }
}
