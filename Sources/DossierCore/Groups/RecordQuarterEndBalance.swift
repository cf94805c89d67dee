/// Command: record a member's balance at a branch at the end of a quarter, from which the
/// group's lead branch follows.
public struct RecordQuarterEndBalance: Hashable, Sendable, Codable {
    public var group: GroupID
    public var customer: CustomerID
    public var branch: String
    public var quarter: CalendarQuarter
    public var amount: ExactDecimal
    /// `policy.limits.default_currency` when absent.
    public var currency: Currency?

    public init(
        group: GroupID, customer: CustomerID, branch: String, quarter: CalendarQuarter, amount: ExactDecimal,
        currency: Currency? = nil
    ) {
        self.group = group
        self.customer = customer
        self.branch = branch
        self.quarter = quarter
        self.amount = amount
        self.currency = currency
    }
}

/// Event: a member's quarter-end balance at a branch was recorded (a later one for the same
/// member, branch and quarter corrects it).
public struct QuarterEndBalanceRecorded: EventPayload {
    public static let typeName = "QuarterEndBalanceRecorded"
    public static let schemaVersion: UInt16 = 1
    /// A credit exposure figure: confidential like limits.
    public static let isConfidential = true

    public var group: GroupID
    public var customer: CustomerID
    public var branch: String
    public var quarter: CalendarQuarter
    public var balance: Money

    public init(group: GroupID, customer: CustomerID, branch: String, quarter: CalendarQuarter, balance: Money) {
        self.group = group
        self.customer = customer
        self.branch = branch
        self.quarter = quarter
        self.balance = balance
    }
}

extension RecordQuarterEndBalance: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.balanceRecorded(let recorded)) = first else { return false }
        return recorded.group == self.group && recorded.customer == self.customer
            && recorded.branch == self.branch.trimmingWhitespace() && recorded.quarter == self.quarter
            && recorded.balance.amount == self.amount
            && (self.currency == nil || self.currency == recorded.balance.currency)
    }
}
