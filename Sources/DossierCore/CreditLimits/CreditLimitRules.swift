extension Rule {
    public static let limitOnePending = Rule(
        "limit.one_pending",
        "a customer or group has at most one pending limit proposal; another is refused until it is approved or "
            + "rejected",
        details: ["customer", "group", "pending"])
    public static let limitFourEyes = Rule(
        "limit.four_eyes", "whoever proposed a limit may not approve it",
        details: ["customer", "group", "proposer"])
    public static let limitApprovalAuthority = Rule(
        "limit.approval_authority",
        "a limit is decided by someone acting for the authority of its amount's band (policy.limits.approval_bands) "
            + "or one above it",
        details: ["amount", "authority"])
    public static let limitMaxValidity = Rule(
        "limit.max_validity", "a limit is valid for at most policy.limits.max_validity_months, first to last day",
        details: ["validFrom", "validTo", "latest"])
    public static let limitIncrementalRating = Rule(
        "limit.incremental_rating",
        "incremental credit needs a current rating at or above a grade of policy.limits.incremental_minimum_grades",
        details: ["customer", "minimum", "ratings"])
    public static let limitDecreaseOnlyTier = Rule(
        "limit.decrease_only_tier",
        "a customer in a tier of policy.limits.decrease_only_tiers may only see its total credit go down",
        details: ["customer", "tier", "currency", "total", "proposed"])
    public static let limitNotInDefault = Rule(
        "limit.not_in_default",
        "no decision raises or unfreezes the credit of a customer whose active rating means default",
        details: ["customer", "scale", "grade"])
    public static let limitStatus = Rule(
        "limit.status",
        "a limit is changed, frozen or revoked while in force, unfrozen while frozen; an expired or revoked one is not "
            + "changed",
        details: ["number", "status"])

    /// The limit rules, in the order docs/PROTOCOL.md lists them.
    static let creditLimits: [Rule] = [
        .limitOnePending, .limitFourEyes, .limitApprovalAuthority, .limitMaxValidity, .limitIncrementalRating,
        .limitDecreaseOnlyTier, .limitNotInDefault, .limitStatus,
    ]
}

extension DomainError {
    public static func noPendingLimit(_ subject: CreditSubject) -> DomainError {
        .notFound(message: "\(subject) has no pending limit proposal", details: subject.details)
    }

    public static func limitNotFound(_ subject: CreditSubject, number: Int) -> DomainError {
        .notFound(
            message: "\(subject) has no limit \(number); limit.show lists them",
            details: subject.details.merging(["limit": String(number)]) { $1 })
    }
}
