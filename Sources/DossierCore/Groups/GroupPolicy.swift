/// `[policy.groups]`: the concentration cap and the top authority. Defaults follow DOMAIN.md.
public struct GroupPolicy: Hashable, Sendable {
    /// The most one group's limit may be, as a share of the bank's net capital (15%).
    public var concentrationRatio = ExactDecimal(tenThousandths: 1_500)
    /// A group limit above this needs `topAuthority` (the president's office meeting, 行长办公会).
    public var topAuthorityAbove = ExactDecimal(66_000_000)
    /// An authority of `policy.limits.authorities`.
    public var topAuthority = "president_office"

    public init() {}
}
