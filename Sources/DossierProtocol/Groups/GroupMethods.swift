import DossierCore

extension Method {
    static let groupDecisionParameters: [Parameter] = [
        .init("expectedVersion", "integer|any|stream_exists", "the group stream's version this decision saw"),
        .init("requestId", "uuid", "idempotency key"),
    ]

    public static let createGroup = Method(
        "group.create", "Open a group customer's record.",
        parameters: [
            .init("id", "string", required: true, "the bank's group id: letters, digits, '.', '_', '-'"),
            .init("name", "string", required: true, "the group's name"),
            .init("note", "string", "free text"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let addGroupMember = Method(
        "group.add-member", "Record that a customer belongs to a group, how, and what shows it.",
        parameters: [
            .init("group", "string", required: true, "group id"),
            .init("customer", "string", required: true, "customer id"),
            .init("relation", GroupRelation.choices, required: true, "how it belongs to the group"),
            .init("evidence", "string", required: true, "what shows the relation: 1 to 2000 characters"),
        ] + groupDecisionParameters,
        roles: recorders)

    public static let removeGroupMember = Method(
        "group.remove-member", "Record that a customer no longer belongs to a group.",
        parameters: [
            .init("group", "string", required: true, "group id"),
            .init("customer", "string", required: true, "customer id"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
        ] + groupDecisionParameters,
        roles: recorders)

    public static let excludeFromGroup = Method(
        "group.exclude", "Record that an entity related to a group is not its member, and why.",
        parameters: [
            .init("group", "string", required: true, "group id"),
            .init("entity", "string", required: true, "the entity's name: 1 to 200 characters"),
            .init("customer", "string", "its customer id, when it is the bank's customer"),
            .init("reason", ExclusionReason.choices, required: true, "why it is not a member"),
            .init("evidence", "string", required: true, "what shows it: 1 to 2000 characters"),
        ] + groupDecisionParameters,
        roles: recorders)

    public static let recordGroupBalance = Method(
        "group.record-balance", "Record a member's balance at a branch at the end of a quarter.",
        parameters: [
            .init("group", "string", required: true, "group id"),
            .init("customer", "string", required: true, "a member"),
            .init("branch", "string", required: true, "the branch: 1 to 64 characters"),
            .init("quarter", "yyyyQn", required: true, "an ended quarter, e.g. 2026Q1"),
            .init("amount", "decimal string", required: true, "the balance, in whole cents"),
            .init("currency", "string", "ISO 4217 code; default policy.limits.default_currency"),
        ] + groupDecisionParameters,
        roles: recorders)

    public static let recordGroupExposure = Method(
        "group.record-exposure",
        "Record a member's bond or derivative exposure, replacing the last figure of that kind.",
        parameters: [
            .init("group", "string", required: true, "group id"),
            .init("customer", "string", required: true, "a member"),
            .init("kind", ExposureKind.choices, required: true, "what the exposure is"),
            .init("amount", "decimal string", required: true, "the exposure, in whole cents"),
            .init("currency", "string", "ISO 4217 code; default policy.limits.default_currency"),
            .init("asOf", "yyyy-MM-dd", "the day of the figure; default today"),
        ] + groupDecisionParameters,
        roles: recorders)

    public static let setNetCapital = Method(
        "group.set-net-capital",
        "Record the bank's net capital, against which every group's concentration is measured.",
        parameters: [
            .init("amount", "decimal string", required: true, "the net capital, in whole cents"),
            .init("currency", "string", "ISO 4217 code; default policy.limits.default_currency"),
            .init("effectiveOn", "yyyy-MM-dd", "the day of the figure; default today"),
            .init("reason", "string", required: true, "its source: 1 to 200 characters"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: approvers)

    public static let showGroup = Method(
        "group.show", "A group's members, exclusions and lead branch; by group id or by a member.",
        parameters: [
            .init("id", "string", "group id (or give customer)"),
            .init("customer", "string", "a member: its group (or give id)"),
            .init("asOf", "RFC 3339 time", "as the log showed it at this time (needs id)"),
        ],
        roles: everyone)

    public static let listGroups = Method(
        "group.list", "Groups in id order, a page at a time.",
        parameters: [
            .init("after", "string", "start after this id"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
            .init("asOf", "RFC 3339 time", "the list as the log showed it at this time"),
        ],
        roles: everyone)

    public static let groupExposure = Method(
        "group.exposure",
        "A group's limit, its members' limits and headroom, bonds, derivatives, and concentration on net capital.",
        parameters: [
            .init("id", "string", required: true, "group id"),
            .init("currency", "string", "the currency to measure in; default the group limit's"),
            .init("asOf", "RFC 3339 time", "as the log showed it at this time, judged on that day"),
        ],
        roles: everyone)

    /// The group methods, in the order `system.methods` lists them.
    static let groups: [Method] = [
        .createGroup, .addGroupMember, .removeGroupMember, .excludeFromGroup, .recordGroupBalance, .recordGroupExposure,
        .setNetCapital, .showGroup, .listGroups, .groupExposure,
    ]
}
