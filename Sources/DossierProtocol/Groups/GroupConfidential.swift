import DossierCore

extension Confidentiality {
    /// The group room's confidential event types: balances and exposures are credit figures.
    static let groupEventTypes: [String: Confidentiality] = [
        QuarterEndBalanceRecorded.typeName: .creditLimits, GroupExposureRecorded.typeName: .creditLimits,
    ]
}

extension GroupResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("group.balances", .creditLimits), ConfidentialField("group.exposures", .creditLimits),
        ConfidentialField("leadBranch.balance", .creditLimits),
    ]
}

extension GroupsResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("groups[].balances", .creditLimits), ConfidentialField("groups[].exposures", .creditLimits),
    ]
}

extension GroupExposureResult: HasConfidentialFields {
    /// Every figure but the net capital and the policy's ratio.
    public static let confidentialFields: [ConfidentialField] = [
        "groupLimit", "members[].limit", "members[].bonds", "members[].derivatives", "memberLimitSum", "headroom",
        "bonds",
        "derivatives", "totalExposure", "groupLimitShare", "exposureShare",
    ].map { ConfidentialField("exposure.\($0)", .creditLimits) }
}
