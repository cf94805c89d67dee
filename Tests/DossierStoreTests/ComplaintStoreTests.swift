import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// Complaints on a real LMDB log: numbers, group incidents and reopen decided on the writer,
/// the lists and clocks read from the projection, and replay equal to it.
@Suite("Complaints in the store")
struct ComplaintStoreTests {
    static func actor(_ user: String) -> CommandMetadata { CommandMetadata(actor: Actor(uid: 1000, user: user)) }

    static func file(
        _ store: DossierStore, customer: String?, subject: String, type: ComplaintType = .service,
        level: ComplaintLevel = .l3, receivedAt: Timestamp? = nil, incidentAt: Timestamp? = nil
    ) async throws -> ComplaintState {
        let outcome = try await store.execute(
            FileComplaint(
                customer: customer.map { CustomerID(rawValue: $0) }, type: type, channel: .web, level: level,
                subject: subject, anonymous: customer == nil, receivedAt: receivedAt, incidentAt: incidentAt),
            metadata: CommandMetadata(actor: TestStore.actor))
        return try #require(outcome.state)
    }

    static func step(
        _ store: DossierStore, _ number: ComplaintNumber, _ step: ComplaintStep, by user: String = "alice"
    )
        async throws -> ComplaintState
    {
        try #require(
            try await store.execute(HandleComplaint(number: number, step: step), metadata: Self.actor(user)).state)
    }

    @Test func concurrentFilingsGetEveryNumberOnce() async throws {
        try await TestStore.with { store, _ in
            for index in 0..<10 { _ = try await TestStore.register(store, "c\(index)") }
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<120 {
                    group.addTask {
                        try await Self.file(store, customer: "c\(index % 10)", subject: "s\(index)").number.rawValue
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(numbers).count == 120)
            #expect(numbers.sorted() == (1...120).map { "HQ240301" + String(format: "%03d", $0) })
        }
    }

    @Test func aYearlyInstitutionWideCountGoesOnAcrossUnitsAndDays() async throws {
        var policy = Policy()
        policy.complaints.numberPattern = NumberingPattern("{yy}{MM}{dd}{seq:3}")!
        policy.complaints.numberReset = .year
        policy.complaints.numberScope = .institution
        let clock = TestClock(Timestamp(iso8601: "2010-09-12T07:00:00Z")!)
        try await TestStore.with(clock: clock, policy: policy) { store, _ in
            _ = try await TestStore.register(store, "c1")
            var numbers: [String] = []
            for day in ["2010-01-05", "2010-09-11", "2010-09-12"] {
                let at = Timestamp(iso8601: "\(day)T10:00:00+08:00")!
                numbers.append(try await Self.file(store, customer: "c1", subject: day, receivedAt: at).number.rawValue)
            }
            #expect(numbers == ["100105001", "100911002", "100912003"])
        }
    }

    @Test func fiveConcurrentFilingsRaiseExactlyOneGroupIncident() async throws {
        try await TestStore.with { store, _ in
            for index in 1...7 { _ = try await TestStore.register(store, "c\(index)") }
            let filed = try await withThrowingTaskGroup(of: ComplaintState.self) { group in
                for index in 1...5 {
                    group.addTask { try await Self.file(store, customer: "c\(index)", subject: "Mobile app outage") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let incidents = Set(filed.compactMap(\.incident))
            #expect(incidents.count == 1)
            let id = try #require(incidents.first)
            let incident = try #require(try store.incident(id))
            #expect(incident.complaints.count == 5 && Set(incident.customers.map(\.rawValue)).count == 5)
            for complaint in try store.complaints(limit: 100) {
                #expect(complaint.incident == id && complaint.level == .l2 && complaint.scope == .group)
            }
            // A sixth joins; a sixth complaint of a customer already in it is a duplicate.
            let sixth = try await Self.file(store, customer: "c6", subject: "mobile  APP outage")
            #expect(sixth.incident == id)
            #expect(try store.incident(id)?.complaints.count == 6)
            let again = try await Self.file(store, customer: "c1", subject: "Mobile app outage")
            #expect(again.status == .rejected && again.rejectedUnder == "complaint.invalid_duplicate")
            let report = try store.replay()
            #expect(report.matches, "\(report.mismatches)")
        }
    }

    /// The duplicate rule sees the customer's open complaint about the subject however many
    /// other complaints the customer has and however long ago it was filed, and only that
    /// customer's: another customer's complaint about it is no duplicate.
    @Test func aDuplicateIsFoundAmongManyComplaintsAndAcrossYears() async throws {
        let clock = TestClock(Timestamp(iso8601: "2026-06-01T08:00:00Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            _ = try await TestStore.register(store, "c2")
            let old = try await Self.file(
                store, customer: "c1", subject: "Card fees", receivedAt: Timestamp(iso8601: "2024-03-01T10:00:00Z")!)
            for index in 0..<40 { _ = try await Self.file(store, customer: "c1", subject: "question \(index)") }
            let other = try await Self.file(store, customer: "c2", subject: "card  FEES")
            #expect(other.status != .rejected)
            let again = try await Self.file(store, customer: "c1", subject: "card  FEES")
            #expect(again.status == .rejected && again.rejectedUnder == "complaint.invalid_duplicate")
            #expect(again.endReason == "duplicate of open complaint \(old.number)")
        }
    }

    @Test func aReopenLinksBothComplaintsInOneCommit() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let first = try await Self.file(store, customer: "c1", subject: "loan rate")
            for step: ComplaintStep in [
                .acknowledge(note: ""), .assign(to: "bob", note: ""), .investigate(note: ""),
                .resolve(result: "rate corrected", satisfaction: .satisfied),
                .revisit(satisfaction: .satisfied, note: ""),
                .close(note: ""),
            ] {
                _ = try await Self.step(store, first.number, step)
            }
            let outcome = try await store.execute(
                ReopenComplaint(number: first.number, reason: "charged again"), metadata: Self.actor("alice"))
            let reopened = try #require(outcome.state)
            #expect(reopened.reopenedFrom == first.number && reopened.status == .received)
            #expect(outcome.events.map(\.stream) == [.complaint(reopened.number), .complaint(first.number)])
            #expect(Set(outcome.events.compactMap(\.causationID)).count == 1)
            let original = try #require(try store.complaint(first.number))
            #expect(original.reopenedAs == reopened.number && original.status == .closed)
            await #expect(throws: DomainError.self) {
                try await store.execute(
                    ReopenComplaint(number: first.number, reason: "again"), metadata: Self.actor("alice"))
            }
        }
    }

    @Test func theDueListReadsTheClockAtTheGivenTime() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-03-04T02:00:00Z")!)  // Monday 10:00 in Shanghai
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            let urgent = try await Self.file(store, customer: "c1", subject: "atm ate card", level: .l1)
            let ordinary = try await Self.file(store, customer: "c1", subject: "fees", level: .l4)
            var overdue = ComplaintFilter()
            overdue.overdue = true
            #expect(try store.complaints(matching: overdue, limit: 10, now: clock.read()).isEmpty)
            let later = clock.read().adding(minutes: 45)
            let listed = try store.complaints(matching: overdue, limit: 10, now: later)
            #expect(listed.map(\.complaint.number) == [urgent.number])
            #expect(listed.first?.due.nextClock == .respond && listed.first?.due.responseBreached == true)
            var l4 = ComplaintFilter()
            l4.levels = [.l4]
            #expect(
                try store.complaints(matching: l4, limit: 10, now: later).map(\.complaint.number) == [ordinary.number])
        }
    }

    @Test func replayEqualsTheProjectionAfterEveryKindOfEvent() async throws {
        try await TestStore.with { store, _ in
            for index in 1...6 { _ = try await TestStore.register(store, "c\(index)") }
            // Group incident: raised and joined.
            for index in 1...6 { _ = try await Self.file(store, customer: "c\(index)", subject: "branch closed") }
            // Automatic rejections and an anonymous complaint.
            _ = try await Self.file(store, customer: "c1", subject: "branch closed")
            _ = try await Self.file(
                store, customer: "c2", subject: "rude teller", type: .attitude,
                incidentAt: Timestamp(iso8601: "2024-01-01T02:00:00Z")!)
            _ = try await Self.file(store, customer: nil, subject: "dirty lobby")
            // A quality complaint through every step to close, then reopened.
            let quality = try await Self.file(store, customer: "c3", subject: "card chip", type: .quality)
            let n = quality.number
            let steps: [(ComplaintStep, String)] = [
                (.acknowledge(note: ""), "alice"), (.pause(reason: "statement"), "alice"), (.resume(note: ""), "alice"),
                (
                    .requestExtension(
                        reason: "lab", customerConsent: true, until: Timestamp(iso8601: "2030-01-01T00:00:00Z")!),
                    "alice"
                ),
                (.decideExtension(grant: true, note: ""), "bob"), (.assign(to: "carol", note: ""), "alice"),
                (.escalate(to: .l2, reason: "press"), "carol"), (.investigate(note: ""), "carol"),
                (.temporaryMeasure(measure: "new card"), "carol"),
                (.eightD(step: .d3, owner: "qa", on: nil, text: "batch held"), "carol"),
                (.eightD(step: .d5, owner: "qa", on: nil, text: "supplier fixed"), "carol"),
                (.eightD(step: .d8, owner: "qa", on: nil, text: "closed"), "carol"),
                (
                    .recordOutcome(responsibility: .ours, ourSharePercent: nil, loss: DecimalAmount("300"), note: ""),
                    "carol"
                ),
                (.proposeCompensation(kind: .replacement, amount: DecimalAmount("300")!, note: ""), "carol"),
                (.decideCompensation(approve: false, note: "", authority: .manager), "bob"),
                (.proposeCompensation(kind: .payment, amount: DecimalAmount("200")!, note: ""), "carol"),
                (.decideCompensation(approve: true, note: "", authority: .clerk), "bob"),
                (.resolve(result: "replaced", satisfaction: .satisfied), "carol"),
                (.revisit(satisfaction: .basicallySatisfied, note: ""), "carol"), (.close(note: ""), "carol"),
            ]
            for (step, user) in steps { _ = try await Self.step(store, n, step, by: user) }
            _ = try await store.execute(
                ReopenComplaint(number: n, reason: "chip failed again"), metadata: Self.actor("alice"))
            // The side paths.
            let refused = try await Self.file(store, customer: "c4", subject: "wire delay")
            _ = try await Self.step(
                store, refused.number,
                .requestExtension(
                    reason: "x", customerConsent: true, until: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
            _ = try await Self.step(store, refused.number, .decideExtension(grant: false, note: ""), by: "bob")
            _ = try await Self.step(store, refused.number, .withdraw(reason: "solved"))
            let returned = try await Self.file(store, customer: "c5", subject: "insurance claim")
            _ = try await Self.step(store, returned.number, .returnOutOfScope(reason: "insurer's"))
            let rejected = try await Self.file(store, customer: "c6", subject: "threats")
            _ = try await Self.step(store, rejected.number, .reject(rule: .provocation, note: "threatened staff"))

            let types = Set(try store.readAll(limit: 1000).map(\.type))
            #expect(types.isSuperset(of: ComplaintEvent.payloadTypes.map { $0.typeName }), "\(types)")
            let report = try store.replay()
            #expect(report.matches, "\(report.mismatches)")
        }
    }
}
