import DossierCore

extension Method {
    public static let registerCustomer = Method(
        "customer.register", "Open a customer's dossier.",
        parameters: [
            .init("id", "string", required: true, "the bank's customer id: letters, digits, '.', '_', '-'"),
            .init("name", "string", required: true, "legal or personal name"),
            .init("kind", CustomerKind.choices, required: true, "kind of customer"),
            .init("stage", PoolStage.choices, "pool stage; default prospect"),
            .init("tier", CustomerTier.choices, "tier; default ordinary"),
            .init("requestId", "uuid", "idempotency key: a retry with the same key returns the original result"),
        ],
        roles: recorders)
    public static let showCustomer = Method(
        "customer.show", "One customer's state now, or as the log showed it at a past time.",
        parameters: [
            .init("id", "string", required: true, "customer id"),
            .init("asOf", "RFC 3339 time", "show the state as recorded at this time"),
        ],
        roles: everyone)
    public static let listCustomers = Method(
        "customer.list", "Customers in id order, a page at a time.",
        parameters: [
            .init("after", "string", "start after this id"), .init("limit", "integer", "page size, 1 to 1000; default 100"),
            .init("asOf", "RFC 3339 time", "the list as the log showed it at this time"),
        ],
        roles: everyone)

    public static let flagCustomer = Method(
        "customer.flag", "Record a warning flag (bad record) on a customer.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("kind", FlagKind.choices, required: true, "what was observed"),
            .init("source", "string", required: true, "where the fact came from: bureau, system, branch"),
            .init("detail", "string", "free text"),
            .init("observedOn", "yyyy-MM-dd", "when it was observed; default today"),
            .init("response", FlagResponse.choices, "what the bank does about it"),
            .init("expectedVersion", "integer|any|stream_exists", "the customer stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let resolveFlag = Method(
        "customer.resolve-flag", "Record that an open warning flag of a customer was resolved.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("flag", "integer", required: true, "the flag's number within the customer, as customer.show lists it"),
            .init("outcome", FlagOutcome.choices, required: true, "how it was resolved"),
            .init("resolvedOn", "yyyy-MM-dd", "when it was resolved; default today"),
            .init("note", "string", "free text"),
            .init("expectedVersion", "integer|any|stream_exists", "the customer stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let changeStage = Method(
        "customer.change-stage",
        "Move a customer up one pool stage (promoted), or back to prospect (paused, demoted).",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("stage", PoolStage.choices, required: true, "the new stage"),
            .init("reason", StageChangeReason.choices, required: true, "why it moves"),
            .init("note", "string", "free text"),
            .init("expectedVersion", "integer|any|stream_exists", "the customer stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let changeTier = Method(
        "customer.change-tier", "Move a customer to another tier, with the reason.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("tier", CustomerTier.choices, required: true, "the new tier"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
            .init("expectedVersion", "integer|any|stream_exists", "the customer stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let listFlaggedCustomers = Method(
        "customer.list-flagged", "Customers with at least one open flag of a kind, in id order.",
        parameters: [
            .init("kind", FlagKind.choices, required: true, "the kind of open flag"),
            .init("after", "string", "start after this id"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
            .init("asOf", "RFC 3339 time", "the list as the log showed it at this time"),
        ],
        roles: everyone)

    /// The customer methods, in the order `system.methods` lists them.
    static let customers: [Method] = [
        .registerCustomer, .showCustomer, .listCustomers, .flagCustomer, .resolveFlag, .changeStage, .changeTier,
        .listFlaggedCustomers,
    ]
}
