extension Rule {
    public static let complaintIdentifiableSubject = Rule(
        "complaint.identifiable_subject", "a complaint names the product or event it is about (a subject)")
    public static let complaintNumberCapacity = Rule(
        "complaint.number_capacity",
        "a unit's running numbers of one day are limited by policy.complaints.number_digits",
        details: ["unit", "day"])

    /// The complaint rules, in the order docs/PROTOCOL.md lists them.
    static let complaints: [Rule] = [.complaintIdentifiableSubject, .complaintNumberCapacity]
}

extension DomainError {
    public static func complaintNotFound(_ number: ComplaintNumber) -> DomainError {
        .notFound(message: "complaint \(number) does not exist", details: ["complaint": number.rawValue])
    }

    /// Every running number of a unit's day is used.
    public static func complaintNumbersExhausted(unit: String, day: String) -> DomainError {
        .ruleViolation(
            .complaintNumberCapacity,
            message: "all complaint numbers of unit \(unit) for \(day) are used; raise policy.complaints.number_digits",
            details: ["unit": unit, "day": day])
    }
}
