/// Command: approve the pending rating proposal of a customer on a scale (the checker).
public struct ApproveRating: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var scale: String
    /// The approver's role, as the daemon's access configuration gave it.
    public var role: String?
    public var note: String

    public init(customer: CustomerID, scale: String, role: String?, note: String = "") {
        self.customer = customer
        self.scale = scale
        self.role = role
        self.note = note
    }
}

/// Event: a rating took effect and superseded the customer's earlier one on the scale; the
/// event's actor is the approver (or whoever ran the rule that decided it).
///
/// It carries the whole rating, with what the scale said of its grade when it was approved
/// (default or not, provision ratio), so that the rating reads the same whatever the
/// configuration says later.
public struct RatingApproved: EventPayload, CarriesTerms {
    public static let typeName = "RatingApproved"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var customer: CustomerID
    public var scale: String
    public var terms: RatingTerms
    /// The grade it supersedes; nil for the first rating on the scale.
    public var previousGrade: String?
    /// The rater's user name; nil when a rule decided.
    public var proposedBy: String?
    /// The rule that decided it (`rating.quarterly_downgrade`); nil when a person approved a
    /// proposal.
    public var rule: String?
    /// Whether the grade means default on its scale: approving it froze the customer's limits.
    public var isDefault: Bool
    public var provisionRatio: ExactDecimal?
    public var note: String

    public init(
        customer: CustomerID, scale: String, terms: RatingTerms, previousGrade: String?, proposedBy: String?,
        rule: String?, isDefault: Bool, provisionRatio: ExactDecimal?, note: String
    ) {
        self.customer = customer
        self.scale = scale
        self.terms = terms
        self.previousGrade = previousGrade
        self.proposedBy = proposedBy
        self.rule = rule
        self.isDefault = isDefault
        self.provisionRatio = provisionRatio
        self.note = note
    }
}

extension ApproveRating: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .rating(.approved(let approved)) = first else { return false }
        return approved.customer == self.customer && approved.scale == self.scale && approved.rule == nil
            && approved.note == self.note
    }
}
