/// Command: open a customer's dossier.
public struct RegisterCustomer: Hashable, Sendable, Codable {
    public var id: CustomerID
    public var name: String
    public var kind: CustomerKind
    public var stage: PoolStage
    public var tier: CustomerTier

    public init(
        id: CustomerID, name: String, kind: CustomerKind, stage: PoolStage = .prospect, tier: CustomerTier = .ordinary
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stage = stage
        self.tier = tier
    }
}

/// Event: a customer's dossier was opened.
public struct CustomerRegistered: EventPayload {
    public static let typeName = "CustomerRegistered"
    public static let schemaVersion: UInt16 = 1

    public var customer: CustomerID
    public var name: String
    public var kind: CustomerKind
    public var stage: PoolStage
    public var tier: CustomerTier

    public init(customer: CustomerID, name: String, kind: CustomerKind, stage: PoolStage, tier: CustomerTier) {
        self.customer = customer
        self.name = name
        self.kind = kind
        self.stage = stage
        self.tier = tier
    }
}

extension RegisterCustomer: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .customer(.registered(let registered)) = first else { return false }
        return registered.customer == self.id && registered.name == self.name.trimmingWhitespace()
            && registered.kind == self.kind && registered.stage == self.stage && registered.tier == self.tier
    }
}
