import DossierCore

extension Confidentiality {
    /// Internal ratings (DOMAIN.md): grades, scores and proposals, and the rating events. By
    /// default clerks and everyone above see them; `[access.confidential]` may say otherwise.
    public static let internalRatings = Confidentiality(
        name: "internalRatings", roles: [.clerk, .approver, .auditor, .admin])

    /// The rating room's confidential event types and their kind.
    static let ratingEventTypes: [String: Confidentiality] = [
        RatingProposed.typeName: .internalRatings, RatingApproved.typeName: .internalRatings,
        RatingProposalWithdrawn.typeName: .internalRatings, QuarterlyDowngradeRan.typeName: .internalRatings,
    ]
}

extension RatingResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("rating.active", .internalRatings), ConfidentialField("rating.pending", .internalRatings),
    ]
}

extension RatingsResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("ratings[].active", .internalRatings),
        ConfidentialField("ratings[].pending", .internalRatings),
    ]
}

extension RatingHistoryResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [ConfidentialField("ratings", .internalRatings)]
}

extension RatingsDueResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [ConfidentialField("due[].grade", .internalRatings)]
}

extension QuarterlyDowngradeResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("downgraded", .internalRatings), ConfidentialField("atLowestGrade", .internalRatings),
    ]
}
