/// What the rules of a limit decision read besides the subject's own limits, gathered by the
/// store in the writer's transaction (so no two decisions can both pass a rule only one may).
public struct CreditContext: Hashable, Sendable {
    /// The customer, for a customer's limits.
    public var customer: CustomerState?
    /// The customer's ratings, on every scale it has one.
    public var ratings: [RatingState]
    /// The customer's group (for a member), or the group itself (for a group's limits).
    public var group: GroupState?
    /// The group's own limits, for a member's decision.
    public var groupLimits: CreditLimitsState?
    /// The limits of the group's members other than the subject.
    public var otherMemberLimits: [CreditLimitsState]
    public var netCapital: NetCapitalState?

    public init(
        customer: CustomerState? = nil, ratings: [RatingState] = [], group: GroupState? = nil,
        groupLimits: CreditLimitsState? = nil, otherMemberLimits: [CreditLimitsState] = [],
        netCapital: NetCapitalState? = nil
    ) {
        self.customer = customer
        self.ratings = ratings
        self.group = group
        self.groupLimits = groupLimits
        self.otherMemberLimits = otherMemberLimits
        self.netCapital = netCapital
    }

    /// The other members' total credit in `currency` on `day`.
    public func otherMembersTotal(in currency: Currency, on day: LocalDate) -> ExactDecimal {
        self.otherMemberLimits.reduce(.zero) { $0 + $1.total(in: currency, on: day) }
    }

    /// The customer's active rating that means default, if any.
    public var defaultRating: RatingState? { self.ratings.first { $0.active?.isDefault == true } }
}
