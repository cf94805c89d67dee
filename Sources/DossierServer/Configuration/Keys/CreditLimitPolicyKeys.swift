import DossierCore

extension ConfigKeys {
    /// `[policy.limits]`: who approves which amounts, validity, and the thresholds of the rules.
    static let limitPolicy: [ConfigKey] = [
        ConfigKey(
            "policy.limits.default_currency", .currency, \.policy.limits.defaultCurrency, reload: .applies,
            "Currency of an amount that names none"),
        ConfigKey(
            "policy.limits.max_validity_months", .integer(1...120), \.policy.limits.maxValidityMonths, reload: .applies,
            "Longest validity of a limit, in months"),
        ConfigKey(
            "policy.limits.authorities", .authorities, \.policy.limits.authorities, reload: .applies,
            "Approving authorities, lowest first, with the roles and users that act for each"),
        ConfigKey(
            "policy.limits.approval_bands", .approvalBands, \.policy.limits.approvalBands, reload: .applies,
            "Amount bands and the authority that approves each"),
        ConfigKey(
            "policy.limits.incremental_minimum_grades", .nameTable("table of scale names and grades"),
            \.policy.limits.incrementalMinimumGrades, reload: .applies,
            "Incremental credit needs a current rating at or above one of these grades"),
        ConfigKey(
            "policy.limits.decrease_only_tiers", .tiers, \.policy.limits.decreaseOnlyTiers, reload: .applies,
            "Tiers whose total credit may only go down"),
        ConfigKey(
            "policy.limits.expiring_within_days", .integer(1...366), \.policy.limits.expiringWithinDays,
            reload: .applies,
            "Window of limit.expiring when it names none, in days"),
    ]
}
