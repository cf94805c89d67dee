extension Rule {
    public static let groupUniqueID = Rule(
        "group.unique_id", "a group id is created once", details: ["group"])
    public static let groupSingleMembership = Rule(
        "group.single_membership", "a customer is a member of at most one group", details: ["customer", "group"])
    public static let groupMembership = Rule(
        "group.membership", "a member is removed, and its balances and exposures recorded, only while it is a member",
        details: ["group", "customer"])
    public static let groupExcludedEntity = Rule(
        "group.excluded_entity",
        "an entity recorded as excluded from a group (a state-owned parent without real control) is not its member",
        details: ["group", "customer"])
    public static let groupMemberSum = Rule(
        "group.member_sum", "the limits of a group's members in a currency sum to at most the group's limit in it",
        details: ["group", "currency", "groupLimit", "memberSum"])
    public static let groupConcentration = Rule(
        "group.concentration", "a group's limit is at most policy.groups.concentration_ratio of the bank's net capital",
        details: ["group", "limit", "netCapital", "maximum"])
    public static let groupTopAuthority = Rule(
        "group.top_authority",
        "a group limit above policy.groups.top_authority_above is approved by policy.groups.top_authority",
        details: ["group", "amount", "authority"])

    /// The group rules, in the order docs/PROTOCOL.md lists them.
    static let groups: [Rule] = [
        .groupUniqueID, .groupSingleMembership, .groupMembership, .groupExcludedEntity, .groupMemberSum,
        .groupConcentration, .groupTopAuthority,
    ]
}

extension DomainError {
    public static func groupNotFound(_ id: GroupID) -> DomainError {
        .notFound(message: "group \(id) does not exist; create it first", details: ["group": id.rawValue])
    }

    public static func notAMember(_ customer: CustomerID, of group: GroupID) -> DomainError {
        .ruleViolation(
            .groupMembership, message: "customer \(customer) is not a member of group \(group)",
            details: ["group": group.rawValue, "customer": customer.rawValue])
    }

    public static func memberSumExceeded(
        group: GroupID, currency: Currency, groupLimit: ExactDecimal, memberSum: ExactDecimal, what: String
    ) -> DomainError {
        .ruleViolation(
            .groupMemberSum,
            message: "\(what) would take the limits of group \(group)'s members to "
                + "\(Money(memberSum, currency)), over the group's limit of \(Money(groupLimit, currency))",
            details: [
                "group": group.rawValue, "currency": currency.rawValue,
                "groupLimit": groupLimit.formatted(fractionDigits: 2),
                "memberSum": memberSum.formatted(fractionDigits: 2),
            ])
    }
}
