/// An amount band of approval authority: limits up to `upTo` (inclusive; the last band has
/// none) are approved by `authority` or an authority above it.
public struct ApprovalBand: Hashable, Sendable {
    public var upTo: ExactDecimal?
    public var authority: String

    public init(upTo: ExactDecimal?, authority: String) {
        self.upTo = upTo
        self.authority = authority
    }
}

/// `[policy.limits]`: authorities, bands, validity and the rules' thresholds. Defaults follow
/// DOMAIN.md; the branch ceiling is ours (the seeds name none).
public struct CreditLimitPolicy: Hashable, Sendable {
    /// The currency of an amount that names none.
    public var defaultCurrency = Currency.cny
    /// The longest a limit may be valid, from its first to its last day.
    public var maxValidityMonths = 12
    /// From the lowest to the highest; whoever acts for one acts for those below it.
    public var authorities = AuthorityLadder([
        Authority(name: "branch_committee", roles: ["approver", "admin"]),
        Authority(name: "head_office", roles: ["admin"]),
        Authority(name: "president_office", roles: ["admin"]),
    ])
    /// In ascending `upTo`, the last without one.
    public var approvalBands = [
        ApprovalBand(upTo: ExactDecimal(50_000_000), authority: "branch_committee"),
        ApprovalBand(upTo: nil, authority: "head_office"),
    ]
    /// Incremental credit needs a current rating at or above this grade on one of these scales
    /// (or on a scale that maps onto one of them): scale -> grade.
    public var incrementalMinimumGrades: [String: String] = ["corporate": "A", "individual": "A"]
    /// Tiers whose total credit may only go down.
    public var decreaseOnlyTiers: [CustomerTier] = [.adjusting, .restricted, .exit]
    /// `limit.expiring` lists limits expiring within this many days when asked for no window.
    public var expiringWithinDays = 30

    public init() {}

    /// The authority that approves `amount`: the first band that holds it.
    public func approvingAuthority(for amount: ExactDecimal) -> String {
        (self.approvalBands.first { band in band.upTo.map { amount <= $0 } ?? true } ?? self.approvalBands.last)?
            .authority ?? "head_office"
    }
}
