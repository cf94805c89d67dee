extension Rule {
    public static let ratingOnePending = Rule(
        "rating.one_pending",
        "a customer has at most one pending rating proposal per scale; another is refused until it is approved or "
            + "withdrawn",
        details: ["customer", "scale", "pending"])
    public static let ratingFourEyes = Rule(
        "rating.four_eyes", "whoever proposed a rating may not approve it",
        details: ["customer", "scale", "proposer"])
    public static let ratingApproverRole = Rule(
        "rating.approver_role", "a rating is approved by a role the scale's approver_roles names",
        details: ["scale", "role"])
    public static let ratingOneStepUpgrade = Rule(
        "rating.one_step_upgrade",
        "on a scale whose upgrades may not skip, a rating goes up at most one grade from the active one",
        details: ["customer", "scale", "from", "to"])
    public static let ratingGradeFollowsScore = Rule(
        "rating.grade_follows_score",
        "on a scale with scores the grade is the one the score earns, capped by the weakest part under the bucket "
            + "principle",
        details: ["scale", "score", "grade", "earned"])
    public static let ratingDefaultReason = Rule(
        "rating.default_reason", "a rating given for the reason default has a grade its scale counts as default",
        details: ["scale", "grade"])
    public static let ratingQuarterlyDowngradeOnce = Rule(
        "rating.quarterly_downgrade_once", "a scale's quarterly downgrade runs once for a quarter",
        details: ["scale", "quarter"])

    /// The rule a quarterly downgrade names as its reason on the ratings it gives.
    public static let ratingQuarterlyDowngrade = Rule(
        "rating.quarterly_downgrade",
        "a customer rated on a scale with a quarterly volume threshold goes down one grade (never into default) when "
            + "its volume in a quarter is below the threshold")

    /// The rating rules, in the order docs/PROTOCOL.md lists them.
    /// The rule an imported rating names: taken over as the agency (or earlier system) gave it.
    public static let ratingImported = Rule(
        "rating.imported",
        "a rating imported from an agency or an earlier system takes effect as given, mapped onto our scale, without "
            + "a proposal of ours")
    public static let ratingImportDateOrder = Rule(
        "rating.import_date_order",
        "imported ratings are applied in date order: one effective before the customer's active rating on the scale "
            + "is refused",
        details: ["customer", "scale", "effectiveOn", "activeSince"])

    static let ratings: [Rule] = [
        .ratingOnePending, .ratingFourEyes, .ratingApproverRole, .ratingOneStepUpgrade, .ratingGradeFollowsScore,
        .ratingDefaultReason, .ratingQuarterlyDowngradeOnce, .ratingQuarterlyDowngrade, .ratingImported,
        .ratingImportDateOrder,
    ]
}

extension DomainError {
    public static func noPendingRating(_ customer: CustomerID, scale: String) -> DomainError {
        .notFound(
            message: "customer \(customer) has no pending rating proposal on scale \(scale)",
            details: ["customer": customer.rawValue, "scale": scale])
    }
}
