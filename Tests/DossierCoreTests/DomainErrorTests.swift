import DossierCore
import Testing

@Suite("DomainError")
struct DomainErrorTests {
    @Test(arguments: [
        (
            DomainError.invalidField(field: "name", reason: "must be 1 to 200 characters"),
            "name must be 1 to 200 characters", ["field": "name"], String?.none, false
        ),
        (
            .customerAlreadyRegistered(CustomerID(rawValue: "C-1")), "customer C-1 is already registered",
            ["customer": "C-1", "rule": "customer.unique_id"], "customer.unique_id", false
        ),
        (
            .customerNotFound(CustomerID(rawValue: "C-1")), "customer C-1 is not registered; register it first",
            ["customer": "C-1"], nil, true
        ),
        (
            .complaintNotFound(ComplaintNumber(rawValue: "HQ240301001")), "complaint HQ240301001 does not exist",
            ["complaint": "HQ240301001"], nil, true
        ),
        (
            .complaintNumbersExhausted(unit: "HQ", day: "2024-03-01"),
            "all complaint numbers of unit HQ for 2024-03-01 are used; raise policy.complaints.number_digits",
            ["unit": "HQ", "day": "2024-03-01", "rule": "complaint.number_capacity"], "complaint.number_capacity", false
        ),
        (
            .ruleViolation(.complaintIdentifiableSubject, message: "a complaint needs a subject"),
            "a complaint needs a subject", ["rule": "complaint.identifiable_subject"], "complaint.identifiable_subject",
            false
        ),
        (
            .requestIDReused("r-1"),
            "requestId r-1 was already used by a different request; send a new id for a new request",
            ["requestId": "r-1", "rule": "request.unique_id"], "request.unique_id", false
        ),
    ] as [(DomainError, String, [String: String], String?, Bool)])
    func describesItself(
        error: DomainError, description: String, details: [String: String], rule: String?, isNotFound: Bool
    ) {
        #expect(error.description == description)
        #expect(error.details == details)
        #expect(error.rule?.id == rule)
        #expect(error.isNotFound == isNotFound)
    }

    @Test func aRuleIsNeverAlsoNotFound() {
        let errors: [DomainError] = [
            .invalidField(field: "f", reason: "r"), .customerAlreadyRegistered(CustomerID(rawValue: "a")),
            .customerNotFound(CustomerID(rawValue: "a")), .complaintNotFound(ComplaintNumber(rawValue: "n")),
            .complaintNumbersExhausted(unit: "HQ", day: "d"), .ruleViolation(Rule("x.y", "a test rule"), message: "m"),
            .requestIDReused("r"),
        ]
        for error in errors {
            #expect(!(error.isNotFound && error.rule != nil), "\(error)")
            #expect(error.details["rule"] == error.rule?.id, "\(error)")
        }
    }

    /// Every rule is declared once, with a unique `domain.snake_case` id and a summary.
    @Test func theCatalogHoldsEveryRuleOnce() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count, "\(ids)")
        for rule in RuleCatalog.all {
            #expect(rule.id.wholeMatch(of: /[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*/) != nil, "\(rule.id)")
            #expect(!rule.summary.isEmpty)
        }
        for rule in [Rule.customerUniqueID, .complaintNumberCapacity, .complaintIdentifiableSubject, .requestUniqueID] {
            #expect(RuleCatalog.all.contains(rule), "\(rule) is thrown but not in the catalog")
        }
    }
}
