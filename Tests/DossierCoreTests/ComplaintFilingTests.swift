import DossierCore
import Testing

@Suite("Filing: classification, automatic rejections, group incidents, reopen")
struct ComplaintFilingTests {
    static let monday = "2024-03-04T10:00:00+08:00"

    static func command(
        customer: String? = "C-001", type: ComplaintType = .service, subject: String = "card fees",
        anonymous: Bool = false, receivedAt: String = monday, incidentAt: String? = nil, level: ComplaintLevel = .l3
    ) throws -> FileComplaint {
        FileComplaint(
            customer: customer.map { CustomerID(rawValue: $0) }, type: type, channel: .commentBook, level: level,
            subject: subject, anonymous: anonymous, receivedAt: try instant(receivedAt),
            incidentAt: try incidentAt.map(instant))
    }

    static func context(
        customer: String? = "C-001", last: Int = 0, complaintsOfCustomer: [ComplaintState] = [],
        sameSubject: [ComplaintState] = [], incident: GroupIncidentState? = nil, now: String = monday
    ) throws -> ComplaintDecisions.FilingContext {
        ComplaintDecisions.FilingContext(
            customer: customer.map { registeredCustomer($0) }, lastRunningNumber: last, receiver: clerk,
            now: try instant(now), complaintsOfCustomer: complaintsOfCustomer, sameSubject: sameSubject,
            incident: incident)
    }

    /// The state a decision's appends leave a complaint stream in.
    static func fold(_ append: Decision.Append, onto state: ComplaintState? = nil) -> ComplaintState? {
        var state = state
        for (offset, event) in append.events.enumerated() {
            state = ComplaintState.apply(
                state, event.event,
                at: EventMetadata(
                    sequence: UInt64(offset + 1), version: (state?.version ?? 0) + 1, occurredAt: event.occurredAt,
                    recordedAt: event.occurredAt, actor: clerk))
        }
        return state
    }

    /// A filed complaint of `customer` about `subject`, received at `receivedAt`.
    static func filed(
        _ customer: String, subject: String = "card fees", receivedAt: String = monday, number: Int
    )
        throws -> ComplaintState
    {
        let decision = try ComplaintDecisions.filing(
            try Self.command(customer: customer, subject: subject, receivedAt: receivedAt),
            context: try Self.context(customer: customer, last: number - 1, now: receivedAt), policy: Policy())
        return try #require(Self.fold(decision.appends[0]))
    }

    // MARK: - Classification

    @Test func anAnonymousComplaintNeedsNoCustomerButANamedOneDoes() throws {
        let anonymous = try ComplaintDecisions.file(
            try Self.command(customer: nil, anonymous: true), context: try Self.context(customer: nil), policy: Policy()
        )
        #expect(anonymous.customer == nil && anonymous.anonymous)
        #expect(
            throws: DomainError.invalidField(field: "customer", reason: "is required unless the complaint is anonymous")
        ) {
            try ComplaintDecisions.file(
                try Self.command(customer: nil), context: try Self.context(customer: nil), policy: Policy())
        }
        // An anonymous complaint may still name a customer, who must be registered.
        #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "C-001"))) {
            try ComplaintDecisions.file(
                try Self.command(anonymous: true), context: try Self.context(customer: nil), policy: Policy())
        }
    }

    @Test func filingRecordsTheServiceLevelAndCalendarThatSetTheDeadlines() throws {
        var policy = Policy()
        let before = try ComplaintDecisions.file(try Self.command(), context: try Self.context(), policy: policy)
        #expect(before.basis?.respondWithin == .hours(24) && before.basis?.calendar == policy.calendar.version)
        #expect(before.closeBy == (try instant(Self.monday)).adding(minutes: 15 * 1440))
        // A reload changes later decisions only; each records what it used.
        policy.complaints.l3.resolveWithin = .workingHours(16)
        policy.calendar.holidays.insert(try localDay("2024-03-05"))
        let after = try ComplaintDecisions.file(try Self.command(), context: try Self.context(), policy: policy)
        #expect(after.basis?.resolveWithin == .workingHours(16))
        #expect(after.basis?.calendar == policy.calendar.version && after.basis?.calendar != before.basis?.calendar)
        // Monday 10:00 + 16 working hours (6.5 on Monday, Tuesday a holiday, 7.5 on Wednesday): Thursday 11:00.
        #expect(after.resolveBy == (try instant("2024-03-07T11:00:00+08:00")))
    }

    @Test func foreignAndQualityComplaintsCloseOnTheirOwnClocks() throws {
        var foreign = try Self.command()
        foreign.foreign = true
        let filedForeign = try ComplaintDecisions.file(foreign, context: try Self.context(), policy: Policy())
        #expect(filedForeign.basis?.closeWithin == .days(20))
        let quality = try ComplaintDecisions.file(
            try Self.command(type: .quality), context: try Self.context(), policy: Policy())
        #expect(quality.basis?.closeWithin == .months(1))
        #expect(quality.closeBy == (try instant("2024-04-04T10:00:00+08:00")))
        let urgent = try ComplaintDecisions.file(
            try Self.command(level: .l1), context: try Self.context(), policy: Policy())
        #expect(urgent.temporaryMeasureBy == (try instant("2024-03-05T10:30:00+08:00")))
    }

    // MARK: - Automatic rejections

    @Test func anAttitudeComplaintMoreThanAMonthAfterTheEventIsRejectedAtFiling() throws {
        let late = try ComplaintDecisions.filing(
            try Self.command(type: .attitude, incidentAt: "2024-02-03T09:00:00+08:00"), context: try Self.context(),
            policy: Policy())
        let state = try #require(Self.fold(late.appends[0]))
        #expect(state.status == .rejected && state.rejectedUnder == "complaint.invalid_late_attitude")
        guard case .complaint(.rejected(let rejected)) = late.appends[0].events[1].event else {
            Issue.record("no rejection")
            return
        }
        #expect(rejected.automatic && rejected.facts["lateAfter"] == "1mo")
        // Within the month it is an ordinary complaint.
        let timely = try ComplaintDecisions.filing(
            try Self.command(type: .attitude, incidentAt: "2024-02-05T09:00:00+08:00"), context: try Self.context(),
            policy: Policy())
        #expect(Self.fold(timely.appends[0])?.status == .received)
        // A rule switched off is never applied.
        var policy = Policy()
        policy.complaints.invalidRules.remove(.lateAttitude)
        let allowed = try ComplaintDecisions.filing(
            try Self.command(type: .attitude, incidentAt: "2024-01-01T09:00:00+08:00"), context: try Self.context(),
            policy: policy)
        #expect(allowed.appends[0].events.count == 1)
    }

    @Test func aDuplicateOfAnOpenComplaintIsRejectedAtFilingAndAClosedOneIsNoDuplicate() throws {
        var open = try Self.filed("C-001", subject: "Card  FEES", number: 1)
        let duplicate = try ComplaintDecisions.filing(
            try Self.command(subject: "card fees"), context: try Self.context(last: 1, complaintsOfCustomer: [open]),
            policy: Policy())
        let state = try #require(Self.fold(duplicate.appends[0]))
        #expect(state.status == .rejected && state.rejectedUnder == "complaint.invalid_duplicate")
        guard case .complaint(.rejected(let rejected)) = duplicate.appends[0].events[1].event else {
            Issue.record("no rejection")
            return
        }
        #expect(rejected.facts["duplicateOf"] == open.number.rawValue)
        open.status = .closed
        let again = try ComplaintDecisions.filing(
            try Self.command(), context: try Self.context(last: 1, complaintsOfCustomer: [open]), policy: Policy())
        #expect(again.appends[0].events.count == 1)
    }

    // MARK: - Group incidents

    @Test func theFifthDistinctCustomerWithinTheWindowRaisesAGroupIncident() throws {
        let earlier = try (1...4).map {
            try Self.filed("C-00\($0)", receivedAt: "2024-03-0\($0)T10:00:00+08:00", number: $0)
        }
        // The same customer twice counts once: four customers are not enough.
        let fourth = try ComplaintDecisions.filing(
            try Self.command(customer: "C-004", subject: "card fees"),
            context: try Self.context(customer: "C-004", last: 4, sameSubject: earlier), policy: Policy())
        #expect(fourth.appends.count == 1)

        let decision = try ComplaintDecisions.filing(
            try Self.command(customer: "C-005", subject: "CARD fees"),
            context: try Self.context(customer: "C-005", last: 4, sameSubject: earlier), policy: Policy())
        #expect(decision.appends.count == 2 + 4)
        #expect(decision.appends[0].stream == .complaint(ComplaintNumber(rawValue: "HQ240304005")))
        #expect(decision.appends[1].stream == .incident("HQ240304005") && decision.appends[1].expected == .noStream)
        guard case .complaint(.incidentRaised(let raised)) = decision.appends[1].events[0].event else {
            Issue.record("no incident")
            return
        }
        #expect(raised.customers.map(\.rawValue) == ["C-001", "C-002", "C-003", "C-004", "C-005"])
        #expect(raised.complaints.count == 5 && raised.reportToRegulator)
        #expect(raised.reportBy == (try instant(Self.monday)).adding(minutes: 24 * 60))
        for (append, complaint) in zip(decision.appends[2...], earlier) {
            #expect(append.stream == .complaint(complaint.number) && append.expected == .exact(complaint.version))
            let linked = try #require(Self.fold(append, onto: complaint))
            #expect(linked.level == .l2 && linked.incident == "HQ240304005" && linked.scope == .group)
            #expect(linked.respondBy == complaint.receivedAt.adding(minutes: 4 * 60))
        }
        let own = try #require(Self.fold(decision.appends[0]))
        #expect(own.level == .l2 && own.incident == "HQ240304005")
    }

    @Test func complaintsOutsideTheWindowOrRejectedDoNotCount() throws {
        var earlier = try (1...4).map {
            try Self.filed("C-00\($0)", receivedAt: "2024-03-0\($0)T10:00:00+08:00", number: $0)
        }
        earlier[0].receivedAt = try instant("2024-02-20T10:00:00+08:00")
        let outside = try ComplaintDecisions.filing(
            try Self.command(customer: "C-005"),
            context: try Self.context(customer: "C-005", last: 4, sameSubject: earlier),
            policy: Policy())
        #expect(outside.appends.count == 1)
        earlier[0].receivedAt = try instant("2024-03-01T10:00:00+08:00")
        earlier[1].status = .rejected
        let rejected = try ComplaintDecisions.filing(
            try Self.command(customer: "C-005"),
            context: try Self.context(customer: "C-005", last: 4, sameSubject: earlier),
            policy: Policy())
        #expect(rejected.appends.count == 1)
    }

    @Test func aLaterComplaintJoinsTheIncident() throws {
        let earlier = try (1...4).map {
            try Self.filed("C-00\($0)", receivedAt: "2024-03-0\($0)T10:00:00+08:00", number: $0)
        }
        let raising = try ComplaintDecisions.filing(
            try Self.command(customer: "C-005"),
            context: try Self.context(customer: "C-005", last: 4, sameSubject: earlier),
            policy: Policy())
        let event = raising.appends[1].events[0]
        let incident = try #require(
            GroupIncidentState.apply(
                nil, event.event,
                at: EventMetadata(
                    sequence: 9, version: 1, occurredAt: event.occurredAt, recordedAt: event.occurredAt, actor: clerk)))
        #expect(incident.id == "HQ240304005" && incident.complaints.count == 5)
        let decision = try ComplaintDecisions.filing(
            try Self.command(customer: "C-009", receivedAt: "2024-03-08T10:00:00+08:00"),
            context: try Self.context(customer: "C-009", last: 0, incident: incident, now: "2024-03-08T10:00:00+08:00"),
            policy: Policy())
        #expect(
            decision.appends.map(\.stream) == [
                .complaint(ComplaintNumber(rawValue: "HQ240308001")), .incident("HQ240304005"),
            ])
        #expect(decision.appends[1].expected == .exact(1))
        #expect(Self.fold(decision.appends[0])?.incident == "HQ240304005")
    }

    // MARK: - Reopen

    @Test func aReopenFilesANewComplaintAndOnlyLinksTheClosedOne() throws {
        var closed = try ComplaintFixture(type: .service)
        try closed.advance(to: .closed)
        let decision = try ComplaintDecisions.reopen(
            ReopenComplaint(number: closed.state.number, reason: "charged again", level: .l2),
            original: closed.state, context: try Self.context(last: 1, now: "2024-03-20T10:00:00+08:00"),
            policy: Policy())
        #expect(decision.appends.count == 2)
        let reopened = try #require(Self.fold(decision.appends[0]))
        #expect(reopened.reopenedFrom == closed.state.number && reopened.level == .l2 && reopened.status == .received)
        #expect(reopened.description == "charged again")
        #expect(decision.appends[1].stream == .complaint(closed.state.number))
        #expect(decision.appends[1].expected == .exact(closed.state.version))
        let original = try #require(Self.fold(decision.appends[1], onto: closed.state))
        #expect(original.reopenedAs == reopened.number && original.status == .closed)

        var open = try ComplaintFixture(type: .service)
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.reopen(
                ReopenComplaint(number: open.state.number, reason: "again"), original: open.state,
                context: try Self.context(), policy: Policy())
        }
        #expect(error?.rule == .complaintLifecycle)
        try open.advance(to: .acknowledged)
    }
}
