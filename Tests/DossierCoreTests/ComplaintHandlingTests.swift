import DossierCore
import Testing

@Suite("ComplaintHandling: the rules of each step")
struct ComplaintHandlingTests {
    static let later = Timestamp(iso8601: "2030-01-01T00:00:00Z")!

    // MARK: - Handover, reply, revisit

    @Test func theFirstReceiverOwnsUntilAHandoverNamesFromAndTo() throws {
        var complaint = try ComplaintFixture(type: .service)
        #expect(complaint.state.owner == ComplaintFixture.handler.user)
        try complaint.take(.acknowledge(note: ""))
        let event = try complaint.take(.assign(to: "li.na", note: "cards team"))
        guard case .handedOver(let handover) = event else {
            Issue.record("\(event)")
            return
        }
        #expect(handover.from == "wang.li" && handover.to == "li.na")
        #expect(complaint.state.owner == "li.na" && complaint.state.handovers == 1)
        #expect(throws: DomainError.invalidField(field: "to", reason: "is already the owner")) {
            try complaint.take(.assign(to: "li.na", note: ""))
        }
    }

    @Test func theReplySetsTheRevisitDeadlineAndRecordsItsRule() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .investigating)
        let event = try complaint.take(.resolve(result: "fee waived", satisfaction: .basicallySatisfied))
        guard case .resolved(let resolved) = event else {
            Issue.record("\(event)")
            return
        }
        #expect(resolved.revisitWithin == .days(15))
        #expect(resolved.calendar == complaint.policy.calendar.version)
        #expect(complaint.state.revisitBy == complaint.now.adding(minutes: 15 * 1440))
        #expect(complaint.state.replySatisfaction == .basicallySatisfied)
        try complaint.take(.revisit(satisfaction: .veryDissatisfied, note: "still charged"))
        #expect(complaint.state.revisitSatisfaction == .veryDissatisfied)
    }

    // MARK: - Extension

    @Test func anExtensionNeedsConsentALaterDateAndAnotherApprover() throws {
        var complaint = try ComplaintFixture(type: .service)
        let noConsent = #expect(throws: DomainError.self) {
            try complaint.take(.requestExtension(reason: "abroad", customerConsent: false, until: Self.later))
        }
        #expect(noConsent?.rule == .complaintExtensionConsent)
        let earlier = #expect(throws: DomainError.self) {
            try complaint.take(
                .requestExtension(reason: "abroad", customerConsent: true, until: complaint.state.resolveBy))
        }
        #expect(earlier?.rule == .complaintExtensionLater)

        try complaint.take(.requestExtension(reason: "abroad", customerConsent: true, until: Self.later))
        let own = #expect(throws: DomainError.self) { try complaint.take(.decideExtension(grant: true, note: "")) }
        #expect(own?.rule == .complaintFourEyes)
        #expect(own?.details["proposer"] == "wang.li")
        try complaint.take(.decideExtension(grant: true, note: "ok"), by: ComplaintFixture.approver)
        #expect(complaint.state.resolveBy == Self.later && complaint.state.extendedUntil == Self.later)
        #expect(complaint.state.extensionRequest == nil)
    }

    @Test func aRefusedExtensionKeepsTheDeadline() throws {
        var complaint = try ComplaintFixture(type: .service)
        let before = complaint.state.resolveBy
        try complaint.take(.requestExtension(reason: "abroad", customerConsent: true, until: Self.later))
        try complaint.take(.decideExtension(grant: false, note: "no"), by: ComplaintFixture.approver)
        #expect(complaint.state.resolveBy == before && complaint.state.extensionRequest == nil)
    }

    // MARK: - Escalation

    @Test func escalationRaisesTheLevelAndCountsTheDeadlinesAgainUnderItsRule() throws {
        var complaint = try ComplaintFixture(type: .service, level: .l3)
        let received = complaint.state.receivedAt
        let event = try complaint.take(.escalate(to: .l2, reason: "claim over threshold"))
        guard case .escalated(let escalated) = event else {
            Issue.record("\(event)")
            return
        }
        #expect(escalated.from == .l3 && escalated.to == .l2)
        #expect(escalated.basis.level == .l2 && escalated.basis.respondWithin == .hours(4))
        #expect(complaint.state.level == .l2 && complaint.state.escalations == 1)
        #expect(complaint.state.respondBy == received.adding(minutes: 4 * 60))
        #expect(complaint.state.resolveBy == received.adding(minutes: 12 * 60))
        let down = #expect(throws: DomainError.self) { try complaint.take(.escalate(to: .l3, reason: "x")) }
        #expect(down?.rule == .complaintEscalationRaisesLevel)
    }

    // MARK: - Pauses

    @Test func deadlinesMoveByThePausedWorkingTime() throws {
        // Monday 10:00; paused at 10:01, resumed Tuesday 10:01: one working day (7.5 h) passed.
        var complaint = try ComplaintFixture(type: .service, level: .l4)
        let before = complaint.state.deadlines
        try complaint.take(.pause(reason: "waiting for the statement"))
        try complaint.take(.resume(note: "statement arrived"), after: 1440)
        let paused: Int64 = 7 * 3_600_000 + 30 * 60_000
        #expect(complaint.state.pausedWorkingMilliseconds == paused)
        let calendar = complaint.policy.calendar
        #expect(complaint.state.respondBy == calendar.addingWorkingTime(paused, to: before.respondBy))
        #expect(complaint.state.resolveBy == calendar.addingWorkingTime(paused, to: before.resolveBy))
        #expect(complaint.state.resolveBy > before.resolveBy)
    }

    @Test func aPauseOverTheWeekendMovesNothing() throws {
        // Friday 18:00 to Monday 08:00 holds no working time.
        var complaint = try ComplaintFixture(type: .service, receivedAt: "2024-03-08T17:59:00+08:00")
        let before = complaint.state.deadlines
        try complaint.take(.pause(reason: "waiting"))
        try complaint.take(.resume(note: ""), after: 62 * 60)
        #expect(complaint.state.pausedWorkingMilliseconds == 0)
        #expect(complaint.state.deadlines == before)
    }

    // MARK: - Rejection

    @Test func aRejectionCitesAnEnabledRuleWithAJudgement() throws {
        var complaint = try ComplaintFixture(type: .service)
        var policy = complaint.policy
        policy.complaints.invalidRules.remove(.provocation)
        complaint.policy = policy
        let disabled = #expect(throws: DomainError.self) {
            try complaint.take(.reject(rule: .provocation, note: "threats"))
        }
        #expect(disabled?.rule == .complaintRejectionRule)
        #expect(throws: DomainError.invalidField(field: "note", reason: "must be 1 to 10000 characters")) {
            try complaint.take(.reject(rule: .excessiveDemand, note: "  "))
        }
        try complaint.take(.reject(rule: .excessiveDemand, note: "asks ten times the fee"))
        #expect(complaint.state.status == .rejected)
        #expect(complaint.state.rejectedUnder == "complaint.invalid_excessive_demand")
    }

    // MARK: - 8D

    @Test func aQualityComplaintClosesOnlyWithD3AndD5() throws {
        var complaint = try ComplaintFixture(type: .quality)
        try complaint.advance(to: .revisited)
        let neither = #expect(throws: DomainError.self) { try complaint.take(.close(note: "")) }
        #expect(neither?.rule == .complaintEightDBeforeClose)
        #expect(neither?.details["missing"] == "D3,D5")
        try complaint.take(.eightD(step: .d3, owner: "qa.lead", on: nil, text: "batch quarantined"))
        let one = #expect(throws: DomainError.self) { try complaint.take(.close(note: "")) }
        #expect(one?.details["missing"] == "D5")
        try complaint.take(.eightD(step: .d5, owner: "qa.lead", on: nil, text: "supplier changed"))
        try complaint.take(.close(note: ""))
        #expect(complaint.state.status == .closed)
        #expect(complaint.state.eightD.map(\.step) == [.d3, .d5])
    }

    @Test func d8StartsTheTrackingPeriodAndOnlyQualityComplaintsKeepAnEightDRecord() throws {
        var quality = try ComplaintFixture(type: .quality)
        try quality.take(.eightD(step: .d8, owner: "qa", on: try localDay("2024-03-04"), text: "team thanked"))
        #expect(quality.state.eightDTrackingUntil == (try localDay("2024-05-04")))
        #expect(throws: DomainError.invalidField(field: "on", reason: "must not be in the future")) {
            try quality.take(.eightD(step: .d1, owner: "qa", on: try localDay("2024-03-05"), text: "x"))
        }
        var service = try ComplaintFixture(type: .service)
        let error = #expect(throws: DomainError.self) {
            try service.take(.eightD(step: .d1, owner: "qa", on: nil, text: "team"))
        }
        #expect(error?.rule == .complaintLifecycle)
    }

    // MARK: - Outcome and compensation

    @Test func responsibilitySplitsTheCostOfCompensation() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .investigating)
        #expect(
            throws: DomainError.invalidField(
                field: "ourSharePercent", reason: "is required when a third party is responsible")
        ) {
            try complaint.take(.recordOutcome(responsibility: .thirdParty, ourSharePercent: nil, loss: nil, note: ""))
        }
        try complaint.take(
            .recordOutcome(responsibility: .thirdParty, ourSharePercent: 40, loss: DecimalAmount("1200.50"), note: ""))
        try complaint.take(.proposeCompensation(kind: .payment, amount: DecimalAmount("1000.05")!, note: ""))
        #expect(complaint.state.compensation?.ourShare == DecimalAmount("400.02"))
        #expect(complaint.state.compensation?.authorityNeeded == .clerk)
    }

    @Test(arguments: [
        ("5000", CompensationAuthority.clerk), ("5000.01", .manager), ("50000", .manager), ("50000.01", .committee),
    ])
    func theAmountBandNamesTheAuthority(amount: String, authority: CompensationAuthority) {
        #expect(ComplaintPolicy().authorityNeeded(for: DecimalAmount(amount)!) == authority)
    }

    @Test func fourEyesAndTheBandDecideCompensation() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .investigating)
        try complaint.take(.proposeCompensation(kind: .payment, amount: DecimalAmount("20000")!, note: "refund"))
        #expect(complaint.state.compensation?.authorityNeeded == .manager)
        let second = #expect(throws: DomainError.self) {
            try complaint.take(.proposeCompensation(kind: .discount, amount: DecimalAmount("10")!, note: ""))
        }
        #expect(second?.rule == .complaintCompensationPending)
        let own = #expect(throws: DomainError.self) {
            try complaint.take(.decideCompensation(approve: true, note: "", authority: .committee))
        }
        #expect(own?.rule == .complaintFourEyes)
        let clerk = #expect(throws: DomainError.self) {
            try complaint.take(
                .decideCompensation(approve: true, note: "", authority: .clerk), by: ComplaintFixture.approver)
        }
        #expect(clerk?.rule == .complaintCompensationAuthority)
        #expect(
            clerk?.details == [
                "rule": "complaint.compensation_authority", "amount": "20000.00", "needed": "manager",
                "authority": "clerk",
            ])
        let none = #expect(throws: DomainError.self) {
            try complaint.take(
                .decideCompensation(approve: true, note: "", authority: nil), by: ComplaintFixture.approver)
        }
        #expect(none?.details["authority"] == "none")
        try complaint.take(
            .decideCompensation(approve: true, note: "ok", authority: .manager), by: ComplaintFixture.approver)
        #expect(complaint.state.compensation?.decision == .approved)
        #expect(complaint.state.compensation?.decidedBy == ComplaintFixture.approver.user)
        // A new proposal may follow a decided one.
        try complaint.take(.proposeCompensation(kind: .replacement, amount: DecimalAmount("50")!, note: ""))
        #expect(complaint.state.compensation?.decision == .pending)
    }

    // MARK: - Retries

    @Test func aRetryIsTheSameStep() throws {
        var complaint = try ComplaintFixture(type: .service)
        let event = DomainEvent.complaint(try complaint.take(.acknowledge(note: "called")))
        let number = complaint.state.number
        #expect(HandleComplaint(number: number, step: .acknowledge(note: "called")).isRetry(of: event))
        #expect(!HandleComplaint(number: number, step: .acknowledge(note: "other")).isRetry(of: event))
        #expect(
            !HandleComplaint(number: ComplaintNumber(rawValue: "X"), step: .acknowledge(note: "called")).isRetry(
                of: event))
        #expect(!HandleComplaint(number: number, step: .investigate(note: "called")).isRetry(of: event))
    }
}
