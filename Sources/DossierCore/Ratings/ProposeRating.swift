/// Why a customer is rated (again).
public enum RatingReason: String, ClosedSet {
    /// The yearly re-rating.
    case annualReview = "annual_review"
    /// After a major change: a default, a large loss, an ownership change.
    case majorChange = "major_change"
    /// The customer defaulted.
    case `default`
    /// Taken over from an external agency or an earlier system.
    case `import`
    /// The quarterly rule: business volume fell below the scale's threshold.
    case quarterlyDowngrade = "quarterly_downgrade"
}

/// Command: propose a customer's rating on a scale (the maker of maker-checker). The grade
/// follows from the score on scales with scores; on the others it is given.
public struct ProposeRating: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var scale: String
    /// Required on scales without scores; on the others it must be the grade the score earns.
    public var grade: String?
    /// On scales with scores but no parts.
    public var score: ExactDecimal?
    /// On scales with parts: every part once.
    public var parts: [PartScore]?
    public var reason: RatingReason
    /// The day it takes effect; the recording day when absent.
    public var effectiveOn: LocalDate?
    /// The next review; `policy.ratings.review_months` after `effectiveOn` when absent.
    public var nextReviewOn: LocalDate?
    public var note: String

    public init(
        customer: CustomerID, scale: String, grade: String? = nil, score: ExactDecimal? = nil,
        parts: [PartScore]? = nil,
        reason: RatingReason, effectiveOn: LocalDate? = nil, nextReviewOn: LocalDate? = nil, note: String = ""
    ) {
        self.customer = customer
        self.scale = scale
        self.grade = grade
        self.score = score
        self.parts = parts
        self.reason = reason
        self.effectiveOn = effectiveOn
        self.nextReviewOn = nextReviewOn
        self.note = note
    }
}

/// Event: a rating was proposed and waits for approval; the event's actor is the rater.
public struct RatingProposed: EventPayload, CarriesTerms {
    public static let typeName = "RatingProposed"
    public static let schemaVersion: UInt16 = 1
    /// An internal rating: salted in the log and withheld from roles that may not see ratings.
    public static let isConfidential = true

    public var customer: CustomerID
    public var scale: String
    public var terms: RatingTerms
    public var note: String

    public init(customer: CustomerID, scale: String, terms: RatingTerms, note: String) {
        self.customer = customer
        self.scale = scale
        self.terms = terms
        self.note = note
    }
}

extension ProposeRating: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .rating(.proposed(let proposed)) = first else { return false }
        return proposed.customer == self.customer && proposed.scale == self.scale
            && (self.grade == nil || self.grade == proposed.grade)
            && (self.score == nil || self.score == proposed.score)
            && (self.parts == nil || self.parts == proposed.parts) && proposed.reason == self.reason
            && (self.effectiveOn == nil || self.effectiveOn == proposed.effectiveOn)
            && (self.nextReviewOn == nil || self.nextReviewOn == proposed.nextReviewOn) && proposed.note == self.note
    }
}
