import DossierCore

extension ConfigKeys {
    /// `[policy.groups]`: concentration against net capital and the top authority.
    static let groupPolicy: [ConfigKey] = [
        ConfigKey(
            "policy.groups.concentration_ratio", .decimal(ExactDecimal(tenThousandths: 1)...ExactDecimal(1)),
            \.policy.groups.concentrationRatio, reload: .applies,
            "Most a group's limit may be, as a share of net capital"),
        ConfigKey(
            "policy.groups.top_authority_above", .decimal(ExactDecimal.zero...ExactDecimal(tenThousandths: .max)),
            \.policy.groups.topAuthorityAbove, reload: .applies,
            "A group limit above this amount needs the top authority"),
        ConfigKey(
            "policy.groups.top_authority", .string(), \.policy.groups.topAuthority, reload: .applies,
            "The authority (of policy.limits.authorities) that approves the largest group limits"),
    ]
}
