/// Command: record the bank's net capital, against which group concentration is measured.
public struct SetNetCapital: Hashable, Sendable, Codable {
    public var amount: ExactDecimal
    public var currency: Currency?
    /// The day of the figure (a quarter's regulatory report); the recording day when absent.
    public var effectiveOn: LocalDate?
    public var reason: String

    public init(amount: ExactDecimal, currency: Currency? = nil, effectiveOn: LocalDate? = nil, reason: String) {
        self.amount = amount
        self.currency = currency
        self.effectiveOn = effectiveOn
        self.reason = reason
    }
}

/// Event: the bank's net capital changed (stream `netcapital`).
public struct NetCapitalSet: EventPayload {
    public static let typeName = "NetCapitalSet"
    public static let schemaVersion: UInt16 = 1

    public var amount: Money
    public var effectiveOn: LocalDate
    public var reason: String

    public init(amount: Money, effectiveOn: LocalDate, reason: String) {
        self.amount = amount
        self.effectiveOn = effectiveOn
        self.reason = reason
    }
}

extension SetNetCapital: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.netCapitalSet(let set)) = first else { return false }
        return set.amount.amount == self.amount && (self.currency == nil || self.currency == set.amount.currency)
            && (self.effectiveOn == nil || self.effectiveOn == set.effectiveOn)
            && set.reason == self.reason.trimmingWhitespace()
    }
}
