/// Command: propose a new credit limit for a customer or a group (the maker).
public struct ProposeCreditLimit: Hashable, Sendable, Codable {
    public var subject: CreditSubject
    public var amount: ExactDecimal
    /// `policy.limits.default_currency` when absent.
    public var currency: Currency?
    public var kind: CreditKind
    public var mode: CreditMode
    /// The first valid day; the recording day when absent.
    public var validFrom: LocalDate?
    public var validTo: LocalDate
    /// The rule or document the limit rests on (授信依据).
    public var basis: String
    public var note: String

    public init(
        subject: CreditSubject, amount: ExactDecimal, currency: Currency? = nil, kind: CreditKind, mode: CreditMode,
        validFrom: LocalDate? = nil, validTo: LocalDate, basis: String, note: String = ""
    ) {
        self.subject = subject
        self.amount = amount
        self.currency = currency
        self.kind = kind
        self.mode = mode
        self.validFrom = validFrom
        self.validTo = validTo
        self.basis = basis
        self.note = note
    }
}

/// Event: a limit (a new one, or a change of an approved one) was proposed and waits for
/// approval; the event's actor is the proposer.
public struct CreditLimitProposed: EventPayload, CarriesTerms {
    public static let typeName = "CreditLimitProposed"
    public static let schemaVersion: UInt16 = 1
    /// A credit limit: salted in the log and withheld from roles that may not see limits.
    public static let isConfidential = true

    public var subject: CreditSubject
    /// The limit's number within the subject: the next one for a new limit, the changed one's.
    public var number: Int
    public var isChange: Bool
    public var terms: CreditLimitTerms
    public var note: String

    public init(subject: CreditSubject, number: Int, isChange: Bool, terms: CreditLimitTerms, note: String) {
        self.subject = subject
        self.number = number
        self.isChange = isChange
        self.terms = terms
        self.note = note
    }
}

extension ProposeCreditLimit: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .creditLimit(.proposed(let proposed)) = first else { return false }
        return !proposed.isChange && proposed.subject == self.subject && proposed.amount.amount == self.amount
            && (self.currency == nil || self.currency == proposed.amount.currency) && proposed.kind == self.kind
            && proposed.mode == self.mode && (self.validFrom == nil || self.validFrom == proposed.validFrom)
            && proposed.validTo == self.validTo && proposed.basis == self.basis.trimmingWhitespace()
            && proposed.note == self.note
    }
}
