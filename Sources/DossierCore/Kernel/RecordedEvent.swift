import Foundation

/// One immutable fact in the log, as stored.
///
/// `payload` holds the JSON bytes exactly as they were hashed and stored; `hash` is
/// `SHA256(previous event's hash || canonical bytes of this event)`.
public struct RecordedEvent: Hashable, Sendable {
    /// Position in the global log, from 1, without gaps.
    public let sequence: UInt64
    public let id: UUID
    public let stream: StreamID
    /// Position in its stream, from 1.
    public let version: UInt64
    /// The event type name, e.g. `ComplaintFiled`.
    public let type: String
    /// The version of the payload's schema; older ones are upcast on read.
    public let schemaVersion: UInt16
    /// Business time: when it happened in the world.
    public let occurredAt: Timestamp
    /// Log time: when the daemon recorded it.
    public let recordedAt: Timestamp
    public let actor: Actor
    public let correlationID: UUID?
    public let causationID: UUID?
    public let payload: [UInt8]
    /// Random bytes hashed with a confidential payload, so that the hash, which every reader
    /// sees, cannot be used to guess the payload; nil for other events. Withheld together
    /// with the payload.
    public let salt: [UInt8]?
    public let hash: [UInt8]

    public init(
        sequence: UInt64, id: UUID, stream: StreamID, version: UInt64, type: String, schemaVersion: UInt16,
        occurredAt: Timestamp, recordedAt: Timestamp, actor: Actor, correlationID: UUID?, causationID: UUID?,
        payload: [UInt8], salt: [UInt8]? = nil, hash: [UInt8]
    ) {
        self.sequence = sequence
        self.id = id
        self.stream = stream
        self.version = version
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.correlationID = correlationID
        self.causationID = causationID
        self.payload = payload
        self.salt = salt
        self.hash = hash
    }
}
