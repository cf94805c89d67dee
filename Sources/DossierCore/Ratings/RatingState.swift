/// A customer's rating on one scale, as approved: what the scale said of it then included.
public struct Rating: Hashable, Sendable, Codable, CarriesTerms {
    public var terms: RatingTerms
    public var previousGrade: String?
    public var isDefault: Bool
    public var provisionRatio: ExactDecimal?
    /// The rater; nil when a rule decided.
    public var proposedBy: String?
    /// The approver, or whoever ran the rule.
    public var approvedBy: String
    public var approvedAt: Timestamp
    /// The rule that decided it, when one did.
    public var rule: String?
    public var note: String

    /// Whether the rating counts as current on `day`: in effect, and not past its review.
    public func isCurrent(on day: LocalDate) -> Bool { self.effectiveOn <= day && day <= self.nextReviewOn }
}

/// A rating proposed and not yet approved or withdrawn.
public struct RatingProposal: Hashable, Sendable, Codable, CarriesTerms {
    public var terms: RatingTerms
    public var note: String
    public var proposedBy: Actor
    public var proposedAt: Timestamp
}

/// A customer's ratings on one scale: the active one (exactly one once approved, superseded by
/// each later approval; the log keeps the history) and the proposal waiting for approval.
public struct RatingState: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var scale: String
    public var active: Rating?
    public var pending: RatingProposal?
    /// Ratings approved on the scale so far, the active one included.
    public var ratingsApproved: Int
    /// The version of the rating stream this state reflects.
    public var version: UInt64

    public init(customer: CustomerID, scale: String, version: UInt64) {
        self.customer = customer
        self.scale = scale
        self.active = nil
        self.pending = nil
        self.ratingsApproved = 0
        self.version = version
    }
}

extension RatingState: StreamState {
    public static func apply(_ state: RatingState?, _ event: DomainEvent, at metadata: EventMetadata) -> RatingState? {
        guard case .rating(let event) = event else { return state }
        switch event {
        case .proposed(let proposed):
            var next = state ?? RatingState(customer: proposed.customer, scale: proposed.scale, version: 0)
            next.pending = RatingProposal(
                terms: proposed.terms, note: proposed.note, proposedBy: metadata.actor, proposedAt: metadata.occurredAt)
            next.version = metadata.version
            return next
        case .approved(let approved):
            var next = state ?? RatingState(customer: approved.customer, scale: approved.scale, version: 0)
            next.active = Rating(
                terms: approved.terms, previousGrade: approved.previousGrade, isDefault: approved.isDefault,
                provisionRatio: approved.provisionRatio, proposedBy: approved.proposedBy,
                approvedBy: metadata.actor.user, approvedAt: metadata.occurredAt, rule: approved.rule,
                note: approved.note)
            // A rule's rating leaves a person's proposal waiting; an approval is of the proposal.
            if approved.rule == nil { next.pending = nil }
            next.ratingsApproved += 1
            next.version = metadata.version
            return next
        case .proposalWithdrawn:
            guard var next = state else { return nil }
            next.pending = nil
            next.version = metadata.version
            return next
        case .quarterlyDowngradeRan:
            return state
        }
    }
}

/// The runs of a scale's rules (stream `ratingrule-<scale>`).
public struct RatingRuleState: Hashable, Sendable, Codable {
    public var scale: String
    /// Quarters the quarterly downgrade ran for, in order.
    public var quartersRun: [CalendarQuarter]
    public var version: UInt64
}

extension RatingRuleState: StreamState {
    public static func apply(_ state: RatingRuleState?, _ event: DomainEvent, at metadata: EventMetadata)
        -> RatingRuleState?
    {
        guard case .rating(.quarterlyDowngradeRan(let ran)) = event else { return state }
        var next = state ?? RatingRuleState(scale: ran.scale, quartersRun: [], version: 0)
        next.quartersRun.append(ran.quarter)
        next.version = metadata.version
        return next
    }
}
