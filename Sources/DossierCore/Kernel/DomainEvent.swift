/// Every kind of fact the log holds: one case per domain, each holding that domain's own
/// event enum. Adding a domain adds its case here and its line in `families`.
public enum DomainEvent: Hashable, Sendable {
    case customer(CustomerEvent)
    case complaint(ComplaintEvent)
    case rating(RatingEvent)
    case creditLimit(CreditLimitEvent)
    case group(GroupEvent)

    /// Every family, with the case that embeds it.
    static let families: [FamilyRegistration] = [
        FamilyRegistration(CustomerEvent.self, DomainEvent.customer),
        FamilyRegistration(ComplaintEvent.self, DomainEvent.complaint),
        FamilyRegistration(RatingEvent.self, DomainEvent.rating),
        FamilyRegistration(CreditLimitEvent.self, DomainEvent.creditLimit),
        FamilyRegistration(GroupEvent.self, DomainEvent.group),
    ]

    public var payload: any EventPayload {
        switch self {
        case .customer(let event): return event.payload
        case .complaint(let event): return event.payload
        case .rating(let event): return event.payload
        case .creditLimit(let event): return event.payload
        case .group(let event): return event.payload
        }
    }

    public var typeName: String { type(of: self.payload).typeName }
    public var schemaVersion: UInt16 { type(of: self.payload).schemaVersion }
    public var isConfidential: Bool { type(of: self.payload).isConfidential }

    /// The event for `payload`, in whichever family holds its type.
    public init?(payload: any EventPayload) {
        guard let registration = Self.registry[type(of: payload).typeName], let event = registration.wrap(payload)
        else { return nil }
        self = event
    }

    /// The JSON bytes to store for this event.
    public func encodedPayload() throws -> [UInt8] {
        try DossierJSON.encode(self.payload)
    }

    /// Decodes a stored payload, upcasting older schema versions.
    /// - Throws: `EventDecodingError` for an unknown type or a schema newer than this build.
    public static func decode(type: String, schemaVersion: UInt16, payload: some Collection<UInt8>) throws -> DomainEvent {
        guard let registration = Self.registry[type] else { throw EventDecodingError.unknownType(type) }
        guard schemaVersion <= registration.payloadType.schemaVersion else {
            throw EventDecodingError.newerSchema(
                type: type, stored: schemaVersion, supported: registration.payloadType.schemaVersion)
        }
        let decoded = try registration.payloadType.decode(schemaVersion: schemaVersion, from: payload)
        guard let event = registration.wrap(decoded) else { throw EventDecodingError.unknownType(type) }
        return event
    }

    public static func decode(_ event: RecordedEvent) throws -> DomainEvent {
        try Self.decode(type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
    }

    /// The names of every payload type.
    public static var typeNames: Set<String> { Set(Self.registry.keys) }

    /// The names of the confidential payload types.
    public static var confidentialTypeNames: Set<String> {
        Set(Self.registry.filter { $0.value.payloadType.isConfidential }.keys)
    }

    /// Payload type name -> how to decode and wrap it.
    private static let registry: [String: PayloadRegistration] = {
        var registry: [String: PayloadRegistration] = [:]
        for family in Self.families {
            for payloadType in family.payloadTypes {
                precondition(registry[payloadType.typeName] == nil, "two payload types named \(payloadType.typeName)")
                registry[payloadType.typeName] = PayloadRegistration(payloadType: payloadType, wrap: family.wrap)
            }
        }
        return registry
    }()
}

/// How one payload type is decoded and wrapped.
struct PayloadRegistration: Sendable {
    let payloadType: any EventPayload.Type
    let wrap: @Sendable (any EventPayload) -> DomainEvent?
}

/// One family in `DomainEvent.families`: its payload types and the case that embeds it.
struct FamilyRegistration: Sendable {
    let payloadTypes: [any EventPayload.Type]
    let wrap: @Sendable (any EventPayload) -> DomainEvent?

    init<Family: EventFamily>(_ family: Family.Type, _ embed: @escaping @Sendable (Family) -> DomainEvent) {
        self.payloadTypes = Family.payloadTypes
        self.wrap = { payload in Family(payload: payload).map(embed) }
    }
}

/// A stored event this build cannot read.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownType(String)
    case newerSchema(type: String, stored: UInt16, supported: UInt16)
    /// An older schema's payload that its upcaster cannot carry to the current schema.
    case cannotUpcast(type: String, stored: UInt16, reason: String)

    public var description: String {
        switch self {
        case .unknownType(let type): return "unknown event type \(type)"
        case .cannotUpcast(let type, let stored, let reason):
            return "\(type) schema \(stored) cannot be upcast: \(reason)"
        case .newerSchema(let type, let stored, let supported):
            return "\(type) has schema \(stored), this build reads up to \(supported)"
        }
    }
}
