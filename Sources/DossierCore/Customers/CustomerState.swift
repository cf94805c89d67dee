/// A customer as the log says they are now (or as of a given time, when folded up to it).
public struct CustomerState: Hashable, Sendable, Codable {
    public var id: CustomerID
    public var name: String
    public var kind: CustomerKind
    public var stage: PoolStage
    public var tier: CustomerTier
    public var registeredAt: Timestamp
    /// The version of the customer's stream this state reflects.
    public var version: UInt64

    public init(
        id: CustomerID, name: String, kind: CustomerKind, stage: PoolStage, tier: CustomerTier,
        registeredAt: Timestamp, version: UInt64
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stage = stage
        self.tier = tier
        self.registeredAt = registeredAt
        self.version = version
    }
}

extension CustomerState {
    /// Folds one event of the customer's own stream into the state.
    public static func apply(_ state: CustomerState?, _ event: DomainEvent, at metadata: EventMetadata) -> CustomerState? {
        switch event {
        case .customerRegistered(let registered):
            return CustomerState(
                id: registered.customer, name: registered.name, kind: registered.kind, stage: registered.stage,
                tier: registered.tier, registeredAt: metadata.occurredAt, version: metadata.version
            )
        case .complaintFiled:
            return state
        }
    }
}
