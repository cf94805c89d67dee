import DossierCore
import Testing

@Suite("ComplaintDecisions.file")
struct ComplaintDecisionsTests {
    /// Friday 2024-03-01, 10:00 in Shanghai.
    static let fridayMorning = "2024-03-01T02:00:00Z"

    func command(
        level: ComplaintLevel = .l2, subject: String = "credit card annual fee", unit: String? = nil,
        receivedAt: Timestamp? = nil, incidentAt: Timestamp? = nil, description: String = "charged twice"
    ) -> FileComplaint {
        FileComplaint(
            customer: CustomerID(rawValue: "C-001"), type: .fees, channel: .phone, level: level, subject: subject,
            description: description, anonymous: false, indirect: true, unit: unit, receivedAt: receivedAt,
            incidentAt: incidentAt
        )
    }

    func context(
        customer: CustomerState? = registeredCustomer(), lastRunningNumber: Int = 0, now: String = fridayMorning
    ) throws -> ComplaintDecisions.FilingContext {
        ComplaintDecisions.FilingContext(
            customer: customer, lastRunningNumber: lastRunningNumber, receiver: clerk, now: try instant(now))
    }

    // MARK: - Numbering

    @Test func numbersWithDefaultUnitAndLocalDay() throws {
        let filed = try ComplaintDecisions.file(command(), context: context(), policy: Policy())
        #expect(filed.number == ComplaintNumber(rawValue: "HQ240301001"))
        #expect(filed.unit == "HQ")
    }

    @Test(arguments: [(0, "HQ240301001"), (1, "HQ240301002"), (41, "HQ240301042"), (998, "HQ240301999")])
    func continuesTheRunningNumber(last: Int, expected: String) throws {
        let filed = try ComplaintDecisions.file(command(), context: context(lastRunningNumber: last), policy: Policy())
        #expect(filed.number.rawValue == expected)
    }

    @Test func usesTheCommandsUnit() throws {
        let filed = try ComplaintDecisions.file(command(unit: "SH"), context: context(), policy: Policy())
        #expect(filed.number.rawValue == "SH240301001")
        #expect(filed.unit == "SH")
    }

    @Test func numbersByTheLocalReceivingDayNotTheUTCDay() throws {
        // 17:00 UTC on 1 March is 01:00 on 2 March in Shanghai.
        let filed = try ComplaintDecisions.file(
            command(), context: context(now: "2024-03-01T17:00:00Z"), policy: Policy())
        #expect(filed.number.rawValue == "HQ240302001")
    }

    @Test func numbersByTheReceivingDayNotTheRecordingDay() throws {
        // Received 23:30 on 1 March local, recorded 09:00 on 2 March local.
        let receivedAt = try instant("2024-03-01T23:30:00+08:00")
        let filed = try ComplaintDecisions.file(
            command(receivedAt: receivedAt), context: context(now: "2024-03-02T09:00:00+08:00"), policy: Policy())
        #expect(filed.number.rawValue == "HQ240301001")
        #expect(filed.receivedAt == receivedAt)
    }

    @Test func numberingSeriesUsesUnitOrDefaultAndReceivingDay() throws {
        let now = try instant("2024-03-02T09:00:00+08:00")
        let policy = Policy()

        let defaults = ComplaintDecisions.numberingSeries(of: command(), now: now, policy: policy)
        #expect(defaults.unit == "HQ")
        #expect(defaults.day == (try localDay("2024-03-02")))

        let late = ComplaintDecisions.numberingSeries(
            of: command(unit: "SH", receivedAt: try instant("2024-03-01T23:30:00+08:00")), now: now, policy: policy)
        #expect(late.unit == "SH")
        #expect(late.day == (try localDay("2024-03-01")))

        var other = Policy()
        other.complaints.defaultUnit = "BJ"
        #expect(ComplaintDecisions.numberingSeries(of: command(), now: now, policy: other).unit == "BJ")
    }

    @Test func numberingSeriesMatchesTheFiledNumber() throws {
        var generator = SplitMix64(seed: 0xF11E)
        let policy = Policy()
        let now = try instant("2030-01-01T00:00:00Z")
        for _ in 0..<500 {
            let receivedAt = Timestamp(
                millisecondsSince1970: Int64.random(
                    in: (try instant("2000-01-01T00:00:00Z")).millisecondsSince1970..<now.millisecondsSince1970,
                    using: &generator))
            let last = Int.random(in: 0..<999, using: &generator)
            let filing = command(receivedAt: receivedAt)
            let series = ComplaintDecisions.numberingSeries(of: filing, now: now, policy: policy)
            let filed = try ComplaintDecisions.file(
                filing,
                context: .init(customer: registeredCustomer(), lastRunningNumber: last, receiver: clerk, now: now),
                policy: policy)
            let prefix = ComplaintNumber.prefix(unit: series.unit, day: series.day)
            #expect(filed.number.runningNumber(after: prefix) == last + 1, "\(receivedAt) \(filed.number)")
        }
    }

    @Test func refusesWhenTheDaysNumbersAreExhausted() throws {
        #expect(throws: DomainError.complaintNumbersExhausted(unit: "HQ", day: "2024-03-01")) {
            try ComplaintDecisions.file(command(), context: context(lastRunningNumber: 999), policy: Policy())
        }
    }

    @Test func moreDigitsAllowMoreNumbers() throws {
        var policy = Policy()
        policy.complaints.numberDigits = 4
        let filed = try ComplaintDecisions.file(command(), context: context(lastRunningNumber: 999), policy: policy)
        #expect(filed.number.rawValue == "HQ2403011000")

        policy.complaints.numberDigits = 1
        #expect(throws: DomainError.complaintNumbersExhausted(unit: "HQ", day: "2024-03-01")) {
            try ComplaintDecisions.file(command(), context: context(lastRunningNumber: 9), policy: policy)
        }
    }

    // MARK: - Refusals

    @Test func refusesAnUnknownCustomer() throws {
        #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "C-001"))) {
            try ComplaintDecisions.file(command(), context: context(customer: nil), policy: Policy())
        }
    }

    @Test(arguments: ["", " ", "   \t\n", "\u{3000}"])
    func refusesABlankSubject(subject: String) throws {
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(command(subject: subject), context: context(), policy: Policy())
        }
        guard case .ruleViolation(let rule, _, _) = error else {
            Issue.record("expected a rule violation, got \(String(describing: error))")
            return
        }
        #expect(rule == .complaintIdentifiableSubject)
        #expect(error?.details == ["rule": "complaint.identifiable_subject"])
    }

    @Test func trimsTheSubjectAndLimitsItsLength() throws {
        let filed = try ComplaintDecisions.file(
            command(subject: "  mortgage rate \n"), context: context(), policy: Policy())
        #expect(filed.subject == "mortgage rate")

        let longest = String(repeating: "贷", count: 200)
        #expect(try ComplaintDecisions.file(command(subject: longest), context: context(), policy: Policy()).subject == longest)
        #expect(throws: DomainError.invalidField(field: "subject", reason: "must be at most 200 characters")) {
            try ComplaintDecisions.file(command(subject: longest + "款"), context: context(), policy: Policy())
        }
    }

    @Test func limitsTheDescription() throws {
        let longest = String(repeating: "x", count: 10_000)
        #expect(try ComplaintDecisions.file(command(description: longest), context: context(), policy: Policy())
            .description == longest)
        #expect(throws: DomainError.invalidField(field: "description", reason: "must be at most 10000 characters")) {
            try ComplaintDecisions.file(command(description: longest + "x"), context: context(), policy: Policy())
        }
    }

    @Test(arguments: ["hq", "H", "HQX", "H1", "", "Ｈ"])
    func refusesAnInvalidUnit(unit: String) throws {
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(command(unit: unit), context: context(), policy: Policy())
        }
        guard case .invalidField(let field, _) = error else {
            Issue.record("expected an invalid field, got \(String(describing: error))")
            return
        }
        #expect(field == "unit")
    }

    @Test func refusesAnInvalidDefaultUnit() throws {
        var policy = Policy()
        policy.complaints.defaultUnit = "head office"
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(command(), context: context(), policy: policy)
        }
        #expect(error?.details == ["field": "unit"])
    }

    @Test func acceptsAReceivingTimeUpToFiveMinutesAhead() throws {
        let now = try instant(Self.fridayMorning)
        let filed = try ComplaintDecisions.file(
            command(receivedAt: now.adding(minutes: 5)), context: context(), policy: Policy())
        #expect(filed.receivedAt == now.adding(minutes: 5))
    }

    @Test(arguments: [300_001, 3_600_000, 86_400_000] as [Int64])
    func refusesAReceivingTimeInTheFuture(ahead: Int64) throws {
        let now = try instant(Self.fridayMorning)
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(
                command(receivedAt: now.adding(milliseconds: ahead)), context: context(), policy: Policy())
        }
        guard case .invalidField(let field, _) = error else {
            Issue.record("expected an invalid field, got \(String(describing: error))")
            return
        }
        #expect(field == "receivedAt")
    }

    @Test func refusesAnIncidentAfterReceipt() throws {
        let receivedAt = try instant("2024-03-01T09:00:00+08:00")
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(
                command(receivedAt: receivedAt, incidentAt: receivedAt.adding(milliseconds: 1)), context: context(),
                policy: Policy())
        }
        guard case .invalidField(let field, _) = error else {
            Issue.record("expected an invalid field, got \(String(describing: error))")
            return
        }
        #expect(field == "incidentAt")
    }

    @Test func refusesAnIncidentAfterTheDefaultReceivingTime() throws {
        let now = try instant(Self.fridayMorning)
        let error = #expect(throws: DomainError.self) {
            try ComplaintDecisions.file(command(incidentAt: now.adding(minutes: 1)), context: context(), policy: Policy())
        }
        #expect(error?.details == ["field": "incidentAt"])
    }

    @Test func acceptsAnIncidentAtOrBeforeReceipt() throws {
        let receivedAt = try instant("2024-03-01T09:00:00+08:00")
        for incidentAt in [receivedAt, try instant("2023-12-25T00:00:00Z")] {
            let filed = try ComplaintDecisions.file(
                command(receivedAt: receivedAt, incidentAt: incidentAt), context: context(), policy: Policy())
            #expect(filed.incidentAt == incidentAt)
        }
    }

    // MARK: - Deadlines and contents

    /// Received Friday 2024-03-01 10:00 Shanghai (02:00 UTC).
    @Test(arguments: [
        (ComplaintLevel.l1, "2024-03-01T10:30:00+08:00", "2024-03-01T12:00:00+08:00"),
        (.l2, "2024-03-01T14:00:00+08:00", "2024-03-01T22:00:00+08:00"),
        (.l3, "2024-03-02T10:00:00+08:00", "2024-03-08T10:00:00+08:00"),
        (.l4, "2024-03-08T10:00:00+08:00", "2024-03-15T10:00:00+08:00"),
    ])
    func deadlinesFollowTheDefaultPolicy(level: ComplaintLevel, respondBy: String, resolveBy: String) throws {
        let filed = try ComplaintDecisions.file(command(level: level), context: context(), policy: Policy())
        #expect(filed.level == level)
        #expect(filed.respondBy == (try instant(respondBy)))
        #expect(filed.resolveBy == (try instant(resolveBy)))
    }

    @Test func deadlinesCountFromTheReceivingTime() throws {
        let receivedAt = try instant("2024-02-29T16:00:00+08:00")  // Thursday
        let filed = try ComplaintDecisions.file(
            command(level: .l4, receivedAt: receivedAt), context: context(), policy: Policy())
        #expect(filed.respondBy == (try instant("2024-03-07T16:00:00+08:00")))
        #expect(filed.resolveBy == (try instant("2024-03-14T16:00:00+08:00")))
    }

    @Test func deadlinesFollowAConfiguredPolicyAndCalendar() throws {
        var policy = Policy()
        policy.complaints.l3 = ServiceLevel(respondWithin: .hours(8), resolveWithin: .workingDays(2))
        policy.calendar = try shanghaiCalendar(holidays: ["2024-03-04"])
        let filed = try ComplaintDecisions.file(command(level: .l3), context: context(), policy: policy)
        #expect(filed.respondBy == (try instant("2024-03-01T18:00:00+08:00")))
        #expect(filed.resolveBy == (try instant("2024-03-06T10:00:00+08:00")))
    }

    @Test func copiesTheCommandAndRecordsTheReceiver() throws {
        let incidentAt = try instant("2024-02-20T12:00:00+08:00")
        let filing = FileComplaint(
            customer: CustomerID(rawValue: "C-001"), type: .attitude, channel: .regulator, level: .l1,
            subject: "teller", description: "rude", anonymous: true, indirect: true, unit: "SZ",
            receivedAt: nil, incidentAt: incidentAt)
        let filed = try ComplaintDecisions.file(filing, context: context(), policy: Policy())
        #expect(filed.customer == CustomerID(rawValue: "C-001"))
        #expect(filed.type == .attitude)
        #expect(filed.channel == .regulator)
        #expect(filed.subject == "teller")
        #expect(filed.description == "rude")
        #expect(filed.anonymous)
        #expect(filed.indirect)
        #expect(filed.unit == "SZ")
        #expect(filed.receivedAt == (try instant(Self.fridayMorning)))
        #expect(filed.incidentAt == incidentAt)
        #expect(filed.receiver == "wang.li")
    }
}
