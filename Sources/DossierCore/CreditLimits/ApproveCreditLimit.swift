/// Command: approve the subject's pending limit proposal (the checker).
public struct ApproveCreditLimit: Hashable, Sendable, Codable {
    public var subject: CreditSubject
    /// The approver's role, as the daemon's access configuration gave it.
    public var role: String?
    public var note: String

    public init(subject: CreditSubject, role: String?, note: String = "") {
        self.subject = subject
        self.role = role
        self.note = note
    }
}

/// Event: a proposed limit (or change) was approved and is in force; the event's actor is the
/// approver. It carries the whole limit as approved.
public struct CreditLimitApproved: EventPayload, CarriesTerms {
    public static let typeName = "CreditLimitApproved"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var subject: CreditSubject
    public var number: Int
    public var isChange: Bool
    public var terms: CreditLimitTerms
    /// The authority the approval was given under (`branch_committee`, ...).
    public var authority: String
    public var proposedBy: String
    public var note: String

    public init(
        subject: CreditSubject, number: Int, isChange: Bool, terms: CreditLimitTerms, authority: String,
        proposedBy: String, note: String
    ) {
        self.subject = subject
        self.number = number
        self.isChange = isChange
        self.terms = terms
        self.authority = authority
        self.proposedBy = proposedBy
        self.note = note
    }
}

extension ApproveCreditLimit: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .creditLimit(.approved(let approved)) = first else { return false }
        return approved.subject == self.subject && approved.note == self.note
    }
}
