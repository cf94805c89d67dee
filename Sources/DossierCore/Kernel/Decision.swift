/// What a command decided: events to append to one or more streams, each append with the
/// version its stream must be at. The store appends them all in one transaction or none, with
/// one causation id, and projects them in the same transaction.
public struct Decision: Hashable, Sendable {
    /// An event and its business time.
    public struct Event: Hashable, Sendable {
        public var event: DomainEvent
        /// When it happened in the world (for a complaint: when it was received).
        public var occurredAt: Timestamp

        public init(_ event: DomainEvent, occurredAt: Timestamp) {
            self.event = event
            self.occurredAt = occurredAt
        }
    }

    /// Events for one stream, and what that stream must hold before them.
    public struct Append: Hashable, Sendable {
        public var stream: StreamID
        public var expected: ExpectedVersion
        public var events: [Event]

        public init(to stream: StreamID, expected: ExpectedVersion, _ events: [Event]) {
            self.stream = stream
            self.expected = expected
            self.events = events
        }
    }

    /// In the order they are appended; the first is the command's primary stream (a client's
    /// `expectedVersion` applies to it). Each stream appears at most once.
    public var appends: [Append]

    public init(_ appends: [Append]) {
        self.appends = appends
    }

    /// One event appended to one stream.
    public static func append(_ event: DomainEvent, occurredAt: Timestamp, to stream: StreamID, expected: ExpectedVersion)
        -> Decision
    {
        Decision([Append(to: stream, expected: expected, [Event(event, occurredAt: occurredAt)])])
    }

    /// Every event, in append order.
    public var events: [Event] { self.appends.flatMap(\.events) }
}
