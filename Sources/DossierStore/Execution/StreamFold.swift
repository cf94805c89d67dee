import DossierCore
import LMDB

/// Folds a stream's events into its state, from the first event to a point in the log.
struct StreamFold {
    let reader: LogReader
    static let pageSize = 1000

    /// The state of `stream` from the events `include` accepts, stopping at the first it
    /// does not: events of a stream are in sequence order and in log-time order.
    func state<State: StreamState>(
        _: State.Type, of stream: StreamID, in txn: borrowing some Transaction & ~Copyable,
        while include: (RecordedEvent) -> Bool
    ) throws -> State? {
        var state: State?
        var version: UInt64 = 1
        while true {
            let events = try self.reader.readStream(stream, from: version, limit: Self.pageSize, in: txn)
            for event in events {
                guard include(event) else { return state }
                state = State.apply(state, try DomainEvent.decode(event), at: EventMetadata(event))
            }
            guard let last = events.last, events.count == Self.pageSize else { return state }
            version = last.version + 1
        }
    }
}
