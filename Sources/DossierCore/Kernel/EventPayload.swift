/// A payload type of the log: a past-tense fact with a stable name and a schema version.
public protocol EventPayload: Hashable, Sendable, Codable {
    /// The type name stored with the event, e.g. `ComplaintFiled`. Never changes once used.
    static var typeName: String { get }
    /// The current schema version; older stored versions are upcast when read.
    static var schemaVersion: UInt16 { get }
    /// Whether the payload is confidential (only some roles may read it). The log then hashes
    /// it with a random salt that is withheld with it, so its hash does not reveal it.
    static var isConfidential: Bool { get }
    /// The payload stored as `schemaVersion` (at most `Self.schemaVersion`), upcast to the
    /// current schema. A type whose older schemas differ in more than new optional fields
    /// implements it, so that old logs replay through today's code and no reader sees the old shape.
    static func decode(schemaVersion: UInt16, from bytes: some Collection<UInt8>) throws -> Self
}

extension EventPayload {
    public static var isConfidential: Bool { false }

    public static func decode(schemaVersion: UInt16, from bytes: some Collection<UInt8>) throws -> Self {
        try DossierJSON.decode(Self.self, from: bytes)
    }
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
