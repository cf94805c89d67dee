/// Command: move a customer to another tier (客户分层).
public struct ChangeTier: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var tier: CustomerTier
    /// Why: the review, the committee decision, the event behind it.
    public var reason: String

    public init(customer: CustomerID, tier: CustomerTier, reason: String) {
        self.customer = customer
        self.tier = tier
        self.reason = reason
    }
}

/// Event: a customer moved to another tier; the event's actor is who moved it.
public struct CustomerTierChanged: EventPayload {
    public static let typeName = "CustomerTierChanged"
    public static let schemaVersion: UInt16 = 1

    public var customer: CustomerID
    public var from: CustomerTier
    public var to: CustomerTier
    public var reason: String

    public init(customer: CustomerID, from: CustomerTier, to: CustomerTier, reason: String) {
        self.customer = customer
        self.from = from
        self.to = to
        self.reason = reason
    }
}

extension ChangeTier: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .customer(.tierChanged(let changed)) = first else { return false }
        return changed.customer == self.customer && changed.to == self.tier
            && changed.reason == self.reason.trimmingWhitespace()
    }
}
