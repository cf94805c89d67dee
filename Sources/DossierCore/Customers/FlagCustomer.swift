/// Kinds of warning flag (bad record, 不良记录) a bank keeps on a customer.
public enum FlagKind: String, ClosedSet {
    case overdueRepayment = "overdue_repayment"
    case `default` = "default"
    case manyCreditApplications = "many_credit_applications"
    case highCardUtilisation = "high_card_utilisation"
    case highDebtRatio = "high_debt_ratio"
    case frequentChanges = "frequent_changes"
    case invalidComplaintAbuse = "invalid_complaint_abuse"
    case maliciousDebtEvasion = "malicious_debt_evasion"
    case falseInformation = "false_information"
    case guaranteeDefault = "guarantee_default"
    case nonBankOrOnlineLoans = "non_bank_or_online_loans"
    case minimumPaymentOnly = "minimum_payment_only"
    case repeatedRejectedApplications = "repeated_rejected_applications"
}

/// What the bank does about a flagged customer.
public enum FlagResponse: String, ClosedSet {
    case warning
    case extraGuarantee = "extra_guarantee"
    case limitCut = "limit_cut"
    case higherRate = "higher_rate"
}

/// Command: record a warning flag (bad record) on a customer.
public struct FlagCustomer: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var kind: FlagKind
    /// Where the information came from: a credit bureau, an internal system, a branch.
    public var source: String
    public var detail: String
    /// When the fact was observed; the recording day when absent.
    public var observedOn: LocalDate?
    public var response: FlagResponse?

    public init(
        customer: CustomerID, kind: FlagKind, source: String, detail: String = "", observedOn: LocalDate? = nil,
        response: FlagResponse? = nil
    ) {
        self.customer = customer
        self.kind = kind
        self.source = source
        self.detail = detail
        self.observedOn = observedOn
        self.response = response
    }
}

/// Event: a warning flag was recorded on a customer.
public struct CustomerFlagged: EventPayload {
    public static let typeName = "CustomerFlagged"
    public static let schemaVersion: UInt16 = 1
    /// A bad record: its payload is hashed with a salt and withheld from viewers.
    public static let isConfidential = true

    public var customer: CustomerID
    public var kind: FlagKind
    public var source: String
    public var detail: String
    public var observedOn: LocalDate
    public var response: FlagResponse?

    public init(
        customer: CustomerID, kind: FlagKind, source: String, detail: String, observedOn: LocalDate,
        response: FlagResponse?
    ) {
        self.customer = customer
        self.kind = kind
        self.source = source
        self.detail = detail
        self.observedOn = observedOn
        self.response = response
    }
}

extension FlagCustomer: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .customer(.flagged(let flagged)) = first else { return false }
        return flagged.customer == self.customer && flagged.kind == self.kind
            && flagged.source == self.source.trimmingWhitespace() && flagged.detail == self.detail
            && flagged.response == self.response && (self.observedOn == nil || self.observedOn == flagged.observedOn)
    }
}
