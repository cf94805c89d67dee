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
    /// Warning flags (bad records) recorded and not resolved: how many (`flags.count`, kept
    /// on the wire since the first release) and which.
    public var openFlags: Int = 0
    public var flags: [CustomerFlag] = []
    /// Flags recorded so far, resolved or not: the next flag gets the next number.
    public var flagsRecorded: Int = 0
    public var lastFlaggedAt: Timestamp?

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

extension CustomerState: StreamState {
    /// Folds one event of the customer's own stream into the state.
    public static func apply(_ state: CustomerState?, _ event: DomainEvent, at metadata: EventMetadata) -> CustomerState? {
        guard case .customer(let event) = event else { return state }
        switch event {
        case .registered(let registered):
            return CustomerState(
                id: registered.customer, name: registered.name, kind: registered.kind, stage: registered.stage,
                tier: registered.tier, registeredAt: metadata.occurredAt, version: metadata.version
            )
        case .flagged(let flagged):
            guard var state else { return nil }
            state.flagsRecorded += 1
            state.flags.append(CustomerFlag(number: state.flagsRecorded, kind: flagged.kind, observedOn: flagged.observedOn))
            state.openFlags = state.flags.count
            state.lastFlaggedAt = metadata.occurredAt
            state.version = metadata.version
            return state
        case .flagResolved(let resolved):
            guard var state else { return nil }
            state.flags.removeAll { $0.number == resolved.flag }
            state.openFlags = state.flags.count
            state.version = metadata.version
            return state
        case .stageChanged(let changed):
            guard var state else { return nil }
            state.stage = changed.to
            state.version = metadata.version
            return state
        case .tierChanged(let changed):
            guard var state else { return nil }
            state.tier = changed.to
            state.version = metadata.version
            return state
        }
    }
}

extension CustomerState {
    private enum CodingKeys: String, CodingKey {
        case id, name, kind, stage, tier, registeredAt, version, openFlags, flags, flagsRecorded, lastFlaggedAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(CustomerID.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            kind: try container.decode(CustomerKind.self, forKey: .kind),
            stage: try container.decode(PoolStage.self, forKey: .stage),
            tier: try container.decode(CustomerTier.self, forKey: .tier),
            registeredAt: try container.decode(Timestamp.self, forKey: .registeredAt),
            version: try container.decode(UInt64.self, forKey: .version))
        // Fields added after the first release default when an older projection row lacks them.
        self.openFlags = try container.decodeIfPresent(Int.self, forKey: .openFlags) ?? 0
        self.flags = try container.decodeIfPresent([CustomerFlag].self, forKey: .flags) ?? []
        self.flagsRecorded = try container.decodeIfPresent(Int.self, forKey: .flagsRecorded) ?? 0
        self.lastFlaggedAt = try container.decodeIfPresent(Timestamp.self, forKey: .lastFlaggedAt)
    }
}
