/// What a fold needs to know about an event besides its payload.
public struct EventMetadata: Hashable, Sendable {
    public let sequence: UInt64
    public let version: UInt64
    public let occurredAt: Timestamp
    public let recordedAt: Timestamp
    public let actor: Actor

    public init(sequence: UInt64, version: UInt64, occurredAt: Timestamp, recordedAt: Timestamp, actor: Actor) {
        self.sequence = sequence
        self.version = version
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
    }

    public init(_ event: RecordedEvent) {
        self.init(
            sequence: event.sequence, version: event.version, occurredAt: event.occurredAt,
            recordedAt: event.recordedAt, actor: event.actor
        )
    }
}
