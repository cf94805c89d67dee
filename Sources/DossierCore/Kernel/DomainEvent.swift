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

/// Every kind of fact the log holds.
public enum DomainEvent: Hashable, Sendable {
    case customerRegistered(CustomerRegistered)
    case complaintFiled(ComplaintFiled)
    case customerFlagged(CustomerFlagged)

    /// The payload types, for decoding by name.
    static let payloadTypes: [String: any EventPayload.Type] = [
        CustomerRegistered.typeName: CustomerRegistered.self,
        ComplaintFiled.typeName: ComplaintFiled.self,
        CustomerFlagged.typeName: CustomerFlagged.self,
    ]

    public var payload: any EventPayload {
        switch self {
        case .customerRegistered(let event): return event
        case .complaintFiled(let event): return event
        case .customerFlagged(let event): return event
        }
    }

    public var typeName: String { type(of: self.payload).typeName }
    public var schemaVersion: UInt16 { type(of: self.payload).schemaVersion }
    public var isConfidential: Bool { type(of: self.payload).isConfidential }

    /// The names of the confidential payload types.
    public static var confidentialTypeNames: Set<String> {
        Set(Self.payloadTypes.filter { $0.value.isConfidential }.keys)
    }

    /// The JSON bytes to store for this event.
    public func encodedPayload() throws -> [UInt8] {
        try DossierJSON.encode(self.payload)
    }

    /// Decodes a stored payload, upcasting older schema versions.
    /// - Throws: `EventDecodingError` for an unknown type or a schema newer than this build.
    public static func decode(type: String, schemaVersion: UInt16, payload: some Collection<UInt8>) throws -> DomainEvent {
        guard let payloadType = Self.payloadTypes[type] else { throw EventDecodingError.unknownType(type) }
        guard schemaVersion <= payloadType.schemaVersion else {
            throw EventDecodingError.newerSchema(type: type, stored: schemaVersion, supported: payloadType.schemaVersion)
        }
        switch try DossierJSON.decode(payloadType, from: payload) {
        case let event as CustomerRegistered: return .customerRegistered(event)
        case let event as ComplaintFiled: return .complaintFiled(event)
        case let event as CustomerFlagged: return .customerFlagged(event)
        default: throw EventDecodingError.unknownType(type)
        }
    }

    public static func decode(_ event: RecordedEvent) throws -> DomainEvent {
        try Self.decode(type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
    }
}

/// A stored event this build cannot read.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownType(String)
    case newerSchema(type: String, stored: UInt16, supported: UInt16)

    public var description: String {
        switch self {
        case .unknownType(let type): return "unknown event type \(type)"
        case .newerSchema(let type, let stored, let supported):
            return "\(type) has schema \(stored), this build reads up to \(supported)"
        }
    }
}
