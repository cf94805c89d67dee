import DossierCore

extension Confidentiality {
    /// Credit limits (DOMAIN.md): amounts, proposals, totals, a group's exposure figures and
    /// the limit events. By default clerks and everyone above see them; `[access.confidential]`
    /// may say otherwise.
    public static let creditLimits = Confidentiality(
        name: "creditLimits", roles: [.clerk, .approver, .auditor, .admin])

    /// The limit room's confidential event types and their kind.
    static let creditLimitEventTypes: [String: Confidentiality] = Dictionary(
        uniqueKeysWithValues: CreditLimitEvent.payloadTypes.map { ($0.typeName, .creditLimits) })
}

extension CreditLimitsResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("limits", .creditLimits), ConfidentialField("totals", .creditLimits),
    ]
}

extension ExpiringLimitsResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [ConfidentialField("limits[].amount", .creditLimits)]
}
