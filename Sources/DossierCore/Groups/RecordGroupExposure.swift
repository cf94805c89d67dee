/// Command: record a credit exposure to a member besides its limits (bonds the bank holds,
/// derivatives), replacing the last figure of that kind.
public struct RecordGroupExposure: Hashable, Sendable, Codable {
    public var group: GroupID
    public var customer: CustomerID
    public var kind: ExposureKind
    public var amount: ExactDecimal
    public var currency: Currency?
    /// The day the figure is of; the recording day when absent.
    public var asOf: LocalDate?

    public init(
        group: GroupID, customer: CustomerID, kind: ExposureKind, amount: ExactDecimal, currency: Currency? = nil,
        asOf: LocalDate? = nil
    ) {
        self.group = group
        self.customer = customer
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.asOf = asOf
    }
}

/// Event: a member's bond or derivative exposure was recorded.
public struct GroupExposureRecorded: EventPayload {
    public static let typeName = "GroupExposureRecorded"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var group: GroupID
    public var customer: CustomerID
    public var kind: ExposureKind
    public var amount: Money
    public var asOf: LocalDate

    public init(group: GroupID, customer: CustomerID, kind: ExposureKind, amount: Money, asOf: LocalDate) {
        self.group = group
        self.customer = customer
        self.kind = kind
        self.amount = amount
        self.asOf = asOf
    }
}

extension RecordGroupExposure: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.exposureRecorded(let recorded)) = first else { return false }
        return recorded.group == self.group && recorded.customer == self.customer && recorded.kind == self.kind
            && recorded.amount.amount == self.amount
            && (self.currency == nil || self.currency == recorded.amount.currency)
            && (self.asOf == nil || self.asOf == recorded.asOf)
    }
}
