import DossierCore

extension Method {
    public static let proposeRating = Method(
        "rating.propose", "Propose a customer's rating on a scale; it takes effect when another person approves it.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init(
                "scale", "string", required: true,
                "a scale of [policy.ratings]: corporate, individual, guarantee, agency"),
            .init("grade", "string", "the grade; on scales with scores, the one the score earns (may be left out)"),
            .init("score", "decimal string", "the score, on scales with scores and no parts"),
            .init("parts", "array of {part, points}", "the part scores, on scales with parts"),
            .init("reason", RatingReason.choices, required: true, "why the customer is rated"),
            .init("effectiveOn", "yyyy-MM-dd", "when it takes effect; default today"),
            .init("nextReviewOn", "yyyy-MM-dd", "next review; default policy.ratings.review_months later"),
            .init("note", "string", "free text"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let approveRating = Method(
        "rating.approve", "Approve a customer's pending rating proposal on a scale (not by its proposer).",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("scale", "string", required: true, "the scale"),
            .init("note", "string", "free text"),
            .init("expectedVersion", "integer|any|stream_exists", "the rating stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: approvers)

    public static let withdrawRating = Method(
        "rating.withdraw", "Withdraw a customer's pending rating proposal on a scale.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("scale", "string", required: true, "the scale"),
            .init("reason", "string", required: true, "why: 1 to 200 characters"),
            .init("expectedVersion", "integer|any|stream_exists", "the rating stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let showRatings = Method(
        "rating.show", "A customer's active ratings and pending proposals, on one scale or all.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("scale", "string", "only this scale"),
            .init("asOf", "RFC 3339 time", "as the log showed them at this time (needs scale)"),
        ],
        roles: everyone)

    public static let ratingHistory = Method(
        "rating.history", "Every rating a customer was given on a scale, oldest first.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("scale", "string", required: true, "the scale"),
        ],
        roles: everyone)

    public static let ratingsDue = Method(
        "rating.due", "Active ratings whose review is due or overdue, earliest first.",
        parameters: [
            .init("asOf", "yyyy-MM-dd", "the day to judge by; default today"),
            .init("withinDays", "integer", "also those due within this many days after it; default 0"),
            .init("after", "string", "start after this position (the previous page's next)"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
        ],
        roles: everyone)

    public static let quarterlyDowngrade = Method(
        "rating.quarterly-downgrade",
        "Run a scale's quarterly rule: customers whose volume fell below the threshold go down one grade.",
        parameters: [
            .init("scale", "string", required: true, "a scale with a quarterly_volume_threshold"),
            .init("quarter", "yyyyQn", required: true, "the quarter, ended, e.g. 2026Q1"),
            .init("volumes", "array of {customer, volume}", required: true, "each customer's volume in the quarter"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: approvers)

    /// The rating methods, in the order `system.methods` lists them.
    static let ratings: [Method] = [
        .proposeRating, .approveRating, .withdrawRating, .showRatings, .ratingHistory, .ratingsDue, .quarterlyDowngrade,
    ]
}
