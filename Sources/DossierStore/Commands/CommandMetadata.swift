import DossierCore
import Foundation

/// Who sends a command and how it relates to others.
public struct CommandMetadata: Sendable, Hashable {
    /// The authenticated caller (peer uid and mapped user).
    public var actor: Actor
    /// The client's idempotency key: a retry with the same id appends nothing and gets the
    /// original events back. It becomes the id of the command's first event.
    public var requestID: UUID?
    /// Groups the events of one business process; defaults to the command's causation id.
    public var correlationID: UUID?
    /// What the command's target stream must hold; the command's own default when absent.
    public var expectedVersion: ExpectedVersion?

    public init(actor: Actor, requestID: UUID? = nil, correlationID: UUID? = nil, expectedVersion: ExpectedVersion? = nil) {
        self.actor = actor
        self.requestID = requestID
        self.correlationID = correlationID
        self.expectedVersion = expectedVersion
    }
}

/// What a command did: the events it appended, or found already appended by an earlier try.
public struct CommandOutcome: Sendable, Hashable {
    public let events: [RecordedEvent]
    /// True when a retry found the original events instead of appending new ones.
    public let deduplicated: Bool

    public init(events: [RecordedEvent], deduplicated: Bool) {
        self.events = events
        self.deduplicated = deduplicated
    }
}
