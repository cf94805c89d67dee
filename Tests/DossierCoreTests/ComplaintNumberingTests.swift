import DossierCore
import Testing

@Suite("Complaint numbering patterns")
struct ComplaintNumberingTests {
    static func file(_ receivedAt: String, last: Int, policy: Policy, unit: String? = nil) throws -> ComplaintFiled {
        let received = try instant(receivedAt)
        return try ComplaintDecisions.file(
            FileComplaint(
                customer: CustomerID(rawValue: "C-001"), type: .fees, channel: .phone, level: .l3, subject: "fees",
                unit: unit, receivedAt: received),
            context: .init(customer: registeredCustomer(), lastRunningNumber: last, receiver: clerk, now: received),
            policy: policy)
    }

    @Test func theDefaultKeepsUnitDayAndADailyCount() throws {
        let filed = try Self.file("2026-12-02T10:00:00+08:00", last: 0, policy: Policy())
        #expect(filed.number.rawValue == "HQ261202001")
        #expect(filed.series == "HQ/2026-12-02" && filed.running == 1)
    }

    /// DOMAIN.md: `AABBCCDDD`, where `100912099` is the 99th complaint of 2010, received on 12 September.
    @Test func yearMonthDayAndAYearlyInstitutionWideCount() throws {
        var policy = Policy()
        policy.complaints.numberPattern = NumberingPattern("{yy}{MM}{dd}{seq:3}")!
        policy.complaints.numberReset = .year
        policy.complaints.numberScope = .institution
        #expect(policy.complaints.numberingProblem == nil)
        let filed = try Self.file("2010-09-12T15:00:00+08:00", last: 98, policy: policy, unit: "SH")
        #expect(filed.number.rawValue == "100912099")
        #expect(filed.series == "*/2010")
        // Another unit, another day of the year: the same count goes on.
        let series = policy.complaints.numberingSeries(unit: "BJ", day: try localDay("2010-12-31"))
        #expect(series == "*/2010")
        #expect(policy.complaints.numberingSeries(unit: "BJ", day: try localDay("2011-01-01")) == "*/2011")
        #expect(throws: DomainError.complaintNumbersExhausted(unit: "SH", day: "2010-09-12")) {
            try Self.file("2010-09-12T15:00:00+08:00", last: 999, policy: policy, unit: "SH")
        }
    }

    @Test func aMonthlyCountWithAUnitPrefix() throws {
        var policy = Policy()
        policy.complaints.numberPattern = NumberingPattern("{unit}-{yyyy}{MM}-{seq:4}")!
        policy.complaints.numberReset = .month
        let filed = try Self.file("2026-11-30T23:30:00+08:00", last: 41, policy: policy, unit: "GZ")
        #expect(filed.number.rawValue == "GZ-202611-0042")
        #expect(filed.series == "GZ/2026-11")
    }

    @Test(arguments: [
        ("{yy}{MM}{seq}", NumberReset.day, NumberScope.unit, "{dd}, {unit}"),
        ("{unit}{seq}", .year, .unit, "{yy} or {yyyy}"),
        ("{yyyy}{seq}", .month, .institution, "{MM}"),
    ])
    func aPatternThatCouldRepeatNumbersIsNamed(pattern: String, reset: NumberReset, scope: NumberScope, missing: String)
    {
        var policy = ComplaintPolicy()
        policy.numberPattern = NumberingPattern(pattern)!
        policy.numberReset = reset
        policy.numberScope = scope
        #expect(
            policy.numberingProblem?.contains("must contain \(missing)") == true, "\(policy.numberingProblem ?? "nil")")
    }

    @Test(arguments: [
        "", "{unit}", "{seq}{seq}", "{seq:0}", "{seq:10}", "{unit}{xx}{seq}", "HQ {seq}", "{seq", "a/{seq}",
    ])
    func malformedPatternsAreRefused(text: String) {
        #expect(NumberingPattern(text) == nil)
    }

    @Test func aNumberAlreadyUsedAfterAPatternChangeIsRefused() throws {
        let received = try instant("2026-12-02T10:00:00+08:00")
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(
                FileComplaint(
                    customer: CustomerID(rawValue: "C-001"), type: .fees, channel: .phone, level: .l3, subject: "fees",
                    receivedAt: received),
                context: .init(
                    customer: registeredCustomer(), lastRunningNumber: 0, receiver: clerk, now: received,
                    nextNumberTaken: true),
                policy: Policy())
        }
        #expect(error?.rule == .complaintUniqueNumber)
    }

    @Test func anImportedComplaintKeepsItsExternalID() throws {
        let received = try instant("2026-12-02T10:00:00+08:00")
        let filed = try ComplaintDecisions.file(
            FileComplaint(
                customer: CustomerID(rawValue: "C-001"), type: .fees, channel: .letter, level: .l3, subject: "fees",
                receivedAt: received, externalID: "CRM-2026-0042"),
            context: .init(customer: registeredCustomer(), lastRunningNumber: 0, receiver: clerk, now: received),
            policy: Policy())
        #expect(filed.externalId == "CRM-2026-0042")
        #expect(filed.number.rawValue == "HQ261202001")
    }
}
