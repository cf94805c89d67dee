import DossierCore
import Testing

@Suite("ComplaintPolicy")
struct ComplaintPolicyTests {
    /// DOMAIN.md section 2: service levels by severity; a major complaint (L1, L2) needs a
    /// temporary measure within 8 working hours.
    @Test(arguments: [
        (ComplaintLevel.l1, ServiceDuration.minutes(30), ServiceDuration.hours(2), ServiceDuration?.some(.workingHours(8))),
        (.l2, .hours(4), .hours(12), .workingHours(8)),
        (.l3, .hours(24), .workingDays(5), nil),
        (.l4, .workingDays(5), .workingDays(10), nil),
    ])
    func defaultServiceLevelsFollowTheDomainTable(
        level: ComplaintLevel, respond: ServiceDuration, resolve: ServiceDuration, temporaryMeasure: ServiceDuration?
    ) {
        let policy = ComplaintPolicy()
        #expect(
            policy.serviceLevel(for: level)
                == ServiceLevel(respondWithin: respond, resolveWithin: resolve, temporaryMeasureWithin: temporaryMeasure))
    }

    @Test func defaultNumbering() {
        let policy = ComplaintPolicy()
        #expect(policy.defaultUnit == "HQ")
        #expect(policy.unitLength == 2)
        #expect(policy.numberDigits == 3)
        #expect(policy.maximumRunningNumber == 999)
        #expect(policy.isValidUnit(policy.defaultUnit))
    }

    @Test func serviceLevelsAreConfigurable() {
        var policy = ComplaintPolicy()
        policy.l2 = ServiceLevel(respondWithin: .hours(1), resolveWithin: .days(3))
        #expect(policy.serviceLevel(for: .l2) == ServiceLevel(respondWithin: .hours(1), resolveWithin: .days(3)))
        #expect(policy.serviceLevel(for: .l1) == ComplaintPolicy().l1)
        #expect(policy != ComplaintPolicy())
    }

    @Test(arguments: [(1, 9), (2, 99), (3, 999), (4, 9_999), (9, 999_999_999)])
    func maximumRunningNumber(digits: Int, maximum: Int) {
        var policy = ComplaintPolicy()
        policy.numberDigits = digits
        #expect(policy.maximumRunningNumber == maximum)
    }

    @Test(arguments: [
        ("HQ", true), ("SH", true), ("ZZ", true), ("AA", true),
        ("hq", false), ("Hq", false), ("H", false), ("HQX", false), ("", false), ("H1", false), ("H-", false),
        ("ÄB", false), ("Ｈ Q", false), ("H ", false),
    ])
    func unitsAreCapitalLettersOfTheConfiguredLength(unit: String, valid: Bool) {
        #expect(ComplaintPolicy().isValidUnit(unit) == valid)
    }

    @Test func unitLengthIsConfigurable() {
        var policy = ComplaintPolicy()
        policy.unitLength = 3
        #expect(policy.isValidUnit("BJS"))
        #expect(!policy.isValidUnit("BJ"))
        #expect(!policy.isValidUnit("BJSH"))
    }
}
