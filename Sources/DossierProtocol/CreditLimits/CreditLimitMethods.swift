import DossierCore

extension Method {
    /// The params that name whose limits: a customer or a group, one of the two.
    static let subjectParameters: [Parameter] = [
        .init("customer", "string", "the customer whose limits (or give group)"),
        .init("group", "string", "the group whose own limit (or give customer)"),
    ]
    static let decisionParameters: [Parameter] = [
        .init("expectedVersion", "integer|any|stream_exists", "the limit stream's version this decision saw"),
        .init("requestId", "uuid", "idempotency key"),
    ]

    public static let proposeLimit = Method(
        "limit.propose", "Propose a new credit limit for a customer or a group; it takes effect when approved.",
        parameters: subjectParameters + [
            .init("amount", "decimal string", required: true, "the amount, in whole cents, e.g. \"5000000.00\""),
            .init("currency", "string", "ISO 4217 code; default policy.limits.default_currency"),
            .init("kind", CreditKind.choices, required: true, "new credit or the renewal of existing credit"),
            .init("mode", CreditMode.choices, required: true, "kept internal or disclosed to the customer"),
            .init("validFrom", "yyyy-MM-dd", "first valid day; default today"),
            .init(
                "validTo", "yyyy-MM-dd", required: true,
                "last valid day; at most policy.limits.max_validity_months on"),
            .init("basis", "string", required: true, "the rule or document it rests on: 1 to 200 characters"),
            .init("note", "string", "free text"),
        ] + decisionParameters,
        roles: recorders)

    public static let changeLimit = Method(
        "limit.change", "Propose a new amount or last day for a limit in force; it takes effect when approved.",
        parameters: subjectParameters + [
            .init("limit", "integer", required: true, "the limit's number, as limit.show lists it"),
            .init("amount", "decimal string", required: true, "the new amount, in whole cents"),
            .init("validTo", "yyyy-MM-dd", "the new last valid day; default unchanged"),
            .init("basis", "string", required: true, "the rule or document it rests on"),
            .init("note", "string", "free text"),
        ] + decisionParameters,
        roles: recorders)

    public static let approveLimit = Method(
        "limit.approve", "Approve the pending limit proposal of a customer or group (not by its proposer).",
        parameters: subjectParameters + [.init("note", "string", "free text")] + decisionParameters,
        roles: approvers)

    public static let rejectLimit = Method(
        "limit.reject", "Reject the pending limit proposal of a customer or group.",
        parameters: subjectParameters + [.init("reason", "string", required: true, "why: 1 to 200 characters")]
            + decisionParameters,
        roles: approvers)

    public static let freezeLimit = Method(
        "limit.freeze", "Freeze a limit in force, or all of them: it may not be drawn, and still counts as granted.",
        parameters: subjectParameters + [
            .init("limit", "integer", "the limit's number; every limit in force when absent"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
        ] + decisionParameters,
        roles: approvers)

    public static let unfreezeLimit = Method(
        "limit.unfreeze", "Unfreeze a frozen limit.",
        parameters: subjectParameters + [
            .init("limit", "integer", required: true, "the limit's number"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
        ] + decisionParameters,
        roles: approvers)

    public static let revokeLimit = Method(
        "limit.revoke", "End a limit for good.",
        parameters: subjectParameters + [
            .init("limit", "integer", required: true, "the limit's number"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
        ] + decisionParameters,
        roles: approvers)

    public static let showLimits = Method(
        "limit.show", "A customer's or group's limits, their status today and totals, and the pending proposal.",
        parameters: subjectParameters + [.init("asOf", "RFC 3339 time", "as the log showed them at this time")],
        roles: everyone)

    public static let expiringLimits = Method(
        "limit.expiring", "Limits whose last valid day falls within the next days, earliest first.",
        parameters: [
            .init("withinDays", "integer", "the window from today; default policy.limits.expiring_within_days"),
            .init("after", "string", "start after this position (the previous page's next)"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
            .init("asOf", "RFC 3339 time", "the list as the log showed it at this time, the window from that day"),
        ],
        roles: everyone)

    /// The limit methods, in the order `system.methods` lists them.
    static let creditLimits: [Method] = [
        .proposeLimit, .changeLimit, .approveLimit, .rejectLimit, .freezeLimit, .unfreezeLimit, .revokeLimit,
        .showLimits, .expiringLimits,
    ]
}
