/// One member's part of its group's exposure.
public struct MemberExposure: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var relation: GroupRelation
    /// Its limits that count on the day (expired and revoked ones do not).
    public var limit: ExactDecimal
    public var bonds: ExactDecimal
    public var derivatives: ExactDecimal
}

/// A group's credit exposure on a day, in one currency: its limit, its members' limits and
/// their sum, the headroom left, the bonds and derivatives recorded, and the concentration
/// against the bank's net capital. Computed when asked, from the projections.
public struct GroupExposure: Hashable, Sendable, Codable {
    public var group: GroupID
    public var currency: Currency
    public var asOf: LocalDate
    public var groupLimit: ExactDecimal
    public var members: [MemberExposure]
    public var memberLimitSum: ExactDecimal
    /// The group's limit minus its members' sum: what members may still be granted.
    public var headroom: ExactDecimal
    public var bonds: ExactDecimal
    public var derivatives: ExactDecimal
    /// The members' limits, bonds and derivatives together.
    public var totalExposure: ExactDecimal
    /// Nil until recorded in this currency.
    public var netCapital: ExactDecimal?
    /// `policy.groups.concentration_ratio`: the most a group's limit may be of net capital.
    public var concentrationLimit: ExactDecimal
    /// The group's limit as a share of net capital.
    public var groupLimitShare: ExactDecimal?
    /// The total exposure as a share of net capital.
    public var exposureShare: ExactDecimal?

    /// - Parameters:
    ///   - memberLimits: the members' limits, by customer (members without any left out).
    ///   - currency: the currency to measure in; the group limit's (or the net capital's, or
    ///     the policy's default) when nil.
    public init(
        group: GroupState, groupLimits: CreditLimitsState?, memberLimits: [CustomerID: CreditLimitsState],
        netCapital: NetCapitalState?, policy: Policy, today: LocalDate, currency: Currency? = nil
    ) {
        let currency =
            currency ?? groupLimits?.currencies.first ?? netCapital?.amount.currency ?? policy.limits.defaultCurrency
        func recorded(_ customer: CustomerID, _ kind: ExposureKind) -> ExactDecimal {
            group.exposures.filter { $0.customer == customer && $0.kind == kind && $0.amount.currency == currency }
                .reduce(.zero) { $0 + $1.amount.amount }
        }
        self.group = group.id
        self.currency = currency
        self.asOf = today
        self.groupLimit = groupLimits?.total(in: currency, on: today) ?? .zero
        self.members = group.members.map { member in
            MemberExposure(
                customer: member.customer, relation: member.relation,
                limit: memberLimits[member.customer]?.total(in: currency, on: today) ?? .zero,
                bonds: recorded(member.customer, .bond), derivatives: recorded(member.customer, .derivative))
        }
        self.memberLimitSum = self.members.reduce(.zero) { $0 + $1.limit }
        self.headroom = self.groupLimit - self.memberLimitSum
        self.bonds = self.members.reduce(.zero) { $0 + $1.bonds }
        self.derivatives = self.members.reduce(.zero) { $0 + $1.derivatives }
        self.totalExposure = self.memberLimitSum + self.bonds + self.derivatives
        let capital = netCapital.flatMap { $0.amount.currency == currency ? $0.amount.amount : nil }
        self.netCapital = capital
        self.concentrationLimit = policy.groups.concentrationRatio
        self.groupLimitShare = capital.flatMap { self.groupLimit.divided(by: $0) }
        self.exposureShare = capital.flatMap { self.totalExposure.divided(by: $0) }
    }
}
