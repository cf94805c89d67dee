import DossierCore
import Foundation

/// An event about to be appended: everything but its place in the log and its hash.
public struct PendingEvent: Sendable, Hashable {
    public var id: UUID
    public var type: String
    public var schemaVersion: UInt16
    public var payload: [UInt8]
    public var occurredAt: Timestamp
    public var actor: Actor
    public var correlationID: UUID?
    public var causationID: UUID?
    /// Set for confidential payloads (`EventRecordCodec.saltLength` random bytes), nil otherwise.
    public var salt: [UInt8]?

    public init(
        id: UUID, type: String, schemaVersion: UInt16, payload: [UInt8], occurredAt: Timestamp, actor: Actor,
        correlationID: UUID?, causationID: UUID?, salt: [UInt8]? = nil
    ) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.occurredAt = occurredAt
        self.actor = actor
        self.correlationID = correlationID
        self.causationID = causationID
        self.salt = salt
    }
}
