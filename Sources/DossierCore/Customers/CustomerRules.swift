extension Rule {
    public static let customerUniqueID = Rule(
        "customer.unique_id", "a customer id is registered once; register a new customer under a new id",
        details: ["customer"])

    public static let customerFlagOpen = Rule(
        "customer.flag_open", "only an open flag can be resolved, and only once", details: ["customer", "flag"])
    public static let customerFlagResolvedAfterObservation = Rule(
        "customer.flag_resolved_after_observation", "a flag is resolved on or after the day it was observed",
        details: ["flag", "observedOn"])

    public static let customerStagePath = Rule(
        "customer.stage_path",
        "a promotion moves a customer up one pool stage (prospect, active, key); a pause or a demotion moves an "
            + "active or key customer back to prospect",
        details: ["customer", "from", "to", "reason"])
    public static let customerTierChange = Rule(
        "customer.tier_change", "a tier change moves the customer to a tier other than its current one",
        details: ["customer", "tier"])

    /// The customer rules, in the order docs/PROTOCOL.md lists them.
    static let customers: [Rule] = [
        .customerUniqueID, .customerFlagOpen, .customerFlagResolvedAfterObservation, .customerStagePath,
        .customerTierChange,
    ]
}

extension DomainError {
    public static func customerNotFound(_ id: CustomerID) -> DomainError {
        .notFound(message: "customer \(id) is not registered; register it first", details: ["customer": id.rawValue])
    }

    public static func customerAlreadyRegistered(_ id: CustomerID) -> DomainError {
        .ruleViolation(.customerUniqueID, message: "customer \(id) is already registered", details: ["customer": id.rawValue])
    }
}
