/// A payload type of the log: a past-tense fact with a stable name and a schema version.
public protocol EventPayload: Hashable, Sendable, Codable {
    /// The type name stored with the event, e.g. `ComplaintFiled`. Never changes once used.
    static var typeName: String { get }
    /// The current schema version; older stored versions are upcast when read.
    static var schemaVersion: UInt16 { get }
    /// Whether the payload is confidential (only some roles may read it). The log then hashes
    /// it with a random salt that is withheld with it, so its hash does not reveal it.
    static var isConfidential: Bool { get }
}

extension EventPayload {
    public static var isConfidential: Bool { false }
}

/// The events of one domain, as an enum with one case per payload type (`CustomerEvent`,
/// `ComplaintEvent`). `DomainEvent` has one case per family.
public protocol EventFamily: Hashable, Sendable {
    /// Every payload type of the family.
    static var payloadTypes: [any EventPayload.Type] { get }
    /// The family's case for `payload`; nil when the payload is of another family.
    init?(payload: any EventPayload)
    /// The payload of this case.
    var payload: any EventPayload { get }
}
