import DossierCore
import Foundation

/// Who sends a command and how it relates to others.
public struct CommandMetadata: Sendable, Hashable {
    /// The authenticated caller (peer uid and mapped user).
    public var actor: Actor
    /// The client's idempotency key: a retry with the same id appends nothing and gets the
    /// original result back. It becomes the id of the command's first event.
    public var requestID: UUID?
    /// Groups the events of one business process; defaults to the command's causation id.
    public var correlationID: UUID?
    /// What the command's primary stream (its decision's first append) must hold; the
    /// command's own expectation when absent.
    public var expectedVersion: ExpectedVersion?

    public init(actor: Actor, requestID: UUID? = nil, correlationID: UUID? = nil, expectedVersion: ExpectedVersion? = nil) {
        self.actor = actor
        self.requestID = requestID
        self.correlationID = correlationID
        self.expectedVersion = expectedVersion
    }
}

/// What a command did: the events it appended (or found appended by an earlier try) and the
/// state its reply shows, as the log stood right after those events.
public struct CommandOutcome<State: Sendable>: Sendable {
    public let events: [RecordedEvent]
    /// True when a retry found the original events instead of appending new ones.
    public let deduplicated: Bool
    /// The reply stream's state right after the command's events: read in the writer's
    /// transaction when they were just appended, folded from the log up to them for a retry,
    /// so a retry answers exactly what the original did, whatever came after.
    public let state: State?

    public init(events: [RecordedEvent], deduplicated: Bool, state: State?) {
        self.events = events
        self.deduplicated = deduplicated
        self.state = state
    }
}
