import DossierCore
import Testing

@Suite("Due clocks, filters and statistics")
struct ComplaintDueTests {
    @Test func theNextClockFollowsTheState() throws {
        // L3 received Monday 10:00: respond by Tuesday 10:00, resolve by next Monday 10:00.
        var complaint = try ComplaintFixture(type: .service)
        let policy = complaint.policy
        var due = ComplaintDue(complaint.state, now: try instant("2024-03-04T12:00:00+08:00"), policy: policy)
        #expect(due.nextClock == .respond && due.nextDeadline == complaint.state.respondBy)
        #expect(!due.overdue && !due.atRisk && !due.responseBreached)
        // 75% of the 24 hours: Tuesday 04:00.
        due = ComplaintDue(complaint.state, now: try instant("2024-03-05T04:00:00+08:00"), policy: policy)
        #expect(due.atRisk && !due.overdue)
        due = ComplaintDue(complaint.state, now: try instant("2024-03-05T10:01:00+08:00"), policy: policy)
        #expect(due.overdue && due.responseBreached && !due.resolutionBreached)

        try complaint.take(.acknowledge(note: ""), after: 26 * 60)  // Tuesday 12:01: late
        due = ComplaintDue(complaint.state, now: try instant("2024-03-05T12:02:00+08:00"), policy: policy)
        #expect(due.nextClock == .resolve && !due.overdue)
        #expect(due.responseBreached, "a late response stays breached")
    }

    @Test func aPausedClockIsNeverOverdue() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.take(.pause(reason: "documents"))
        let due = ComplaintDue(complaint.state, now: try instant("2024-04-30T10:00:00+08:00"), policy: complaint.policy)
        #expect(due.paused && !due.overdue && !due.responseBreached)
    }

    @Test func escalationIsSuggestedWhenUnresolvedTooLongOrTheClaimIsLarge() throws {
        let complaint = try ComplaintFixture(type: .service, level: .l3, claim: DecimalAmount("80000"))
        let early = ComplaintDue(
            complaint.state, now: try instant("2024-03-04T11:00:00+08:00"), policy: complaint.policy)
        #expect(early.escalationSuggested == ["claim 80000.00 over 50000.00"])
        let late = ComplaintDue(
            complaint.state, now: try instant("2024-03-07T11:00:00+08:00"), policy: complaint.policy)
        #expect(late.escalationSuggested == ["unresolved after 3d", "claim 80000.00 over 50000.00"])
        let urgent = try ComplaintFixture(type: .service, level: .l1, claim: DecimalAmount("80000"))
        #expect(
            ComplaintDue(urgent.state, now: try instant("2024-03-07T11:00:00+08:00"), policy: urgent.policy)
                .escalationSuggested.isEmpty)
    }

    @Test func aFilterHoldsEveryConditionGiven() throws {
        let complaint = try ComplaintFixture(type: .service)
        let now = try instant("2024-03-06T10:00:00+08:00")
        let due = ComplaintDue(complaint.state, now: now, policy: complaint.policy)
        var filter = ComplaintFilter()
        #expect(filter.matches(complaint.state, due: due))
        filter.overdue = true
        filter.statuses = [.received]
        filter.owner = "wang.li"
        #expect(filter.matches(complaint.state, due: due))
        filter.levels = [.l1]
        #expect(!filter.matches(complaint.state, due: due))
        filter = ComplaintFilter()
        filter.dueBefore = complaint.state.respondBy
        #expect(!filter.matches(complaint.state, due: due))
        filter.dueBefore = complaint.state.respondBy.adding(minutes: 1)
        #expect(filter.matches(complaint.state, due: due))
        filter.customer = CustomerID(rawValue: "other")
        #expect(!filter.matches(complaint.state, due: due))
    }

    @Test func statisticsCountAPeriodAndItsOnTimeRates() throws {
        var onTime = try ComplaintFixture(type: .service, receivedAt: "2026-11-02T10:00:00+08:00")
        try onTime.advance(to: .resolved)
        var late = try ComplaintFixture(type: .fees, level: .l2, receivedAt: "2026-11-03T10:00:00+08:00")
        try late.take(.acknowledge(note: ""), after: 5 * 60)
        var unanswered = try ComplaintFixture(type: .fees, receivedAt: "2026-11-20T10:00:00+08:00")
        unanswered.state.unit = "SH"
        let december = try ComplaintFixture(type: .fees, receivedAt: "2026-12-01T10:00:00+08:00")
        let anonymous = try ComplaintFixture(type: .quality, customer: nil, receivedAt: "2026-11-30T23:00:00+08:00")
        let month = try #require(ComplaintStatistics.month("2026-11"))
        let (first, last, dueBy) = (try localDay("2026-11-01"), try localDay("2026-11-30"), try localDay("2026-12-10"))
        #expect(month.from == first && month.to == last && month.dueBy == dueBy)
        let statistics = ComplaintStatistics(
            of: [onTime.state, late.state, unanswered.state, december.state, anonymous.state], from: month.from,
            to: month.to, reportDueBy: month.dueBy, now: try instant("2026-12-05T00:00:00Z"), policy: Policy())
        #expect(statistics.total == 4)
        #expect(statistics.byType == ["service": 1, "fees": 2, "quality": 1])
        #expect(statistics.byUnit == ["HQ": 3, "SH": 1])
        #expect(statistics.byLevel == ["L3": 3, "L2": 1])
        #expect(statistics.byState == ["resolved": 1, "acknowledged": 1, "received": 2])
        // Responses: on time, late, run out twice: 1 of 4 on time.
        #expect(
            statistics.response.measured == 4 && statistics.response.onTime == 1 && statistics.response.percent == 25)
        // Resolutions: one on time, two ran out (L2 12 h, L3 5 wd); the one received on 30 November
        // is due only on 7 December, after the report's time: not measured yet.
        #expect(statistics.resolution.measured == 3 && statistics.resolution.onTime == 1)
        #expect(statistics.repeatComplainers.map(\.customer.rawValue) == ["C-001"])
        #expect(statistics.repeatComplainers.first?.complaints == 3)
        #expect(statistics.anonymous == 1)
    }
}
