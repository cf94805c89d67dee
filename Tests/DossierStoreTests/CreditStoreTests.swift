import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// The credit rooms on a real LMDB: decisions that read other rooms on the writer, default
/// propagation across streams in one commit, the date indexes, and rebuilds that match.
@Suite("Ratings, limits and groups in the store")
struct CreditStoreTests {
    static let clerk = CommandMetadata(actor: TestStore.actor)
    static let approver = CommandMetadata(actor: Actor(uid: 1001, user: "bob"))
    static let c1 = CustomerID(rawValue: "c1")
    static let endOfYear = LocalDate("2024-12-31")!

    /// Rates `customer` with `grade` on the corporate scale: proposed by the clerk, approved by bob.
    static func rate(
        _ store: DossierStore, _ customer: CustomerID, _ grade: String, reason: RatingReason = .annualReview
    )
        async throws -> CommandOutcome<RatingState>
    {
        _ = try await store.execute(
            ProposeRating(customer: customer, scale: "corporate", grade: grade, reason: reason), metadata: Self.clerk)
        return try await store.execute(
            ApproveRating(customer: customer, scale: "corporate", role: "approver"), metadata: Self.approver)
    }

    /// Grants `subject` a limit of `amount` yuan (proposed by the clerk, approved by bob).
    static func grant(_ store: DossierStore, _ subject: CreditSubject, _ amount: Int) async throws -> CommandOutcome<
        CreditLimitsState
    > {
        _ = try await store.execute(
            ProposeCreditLimit(
                subject: subject, amount: ExactDecimal(amount), kind: .incremental, mode: .internal,
                validTo: Self.endOfYear,
                basis: "plan"), metadata: Self.clerk)
        return try await store.execute(ApproveCreditLimit(subject: subject, role: "approver"), metadata: Self.approver)
    }

    @Test func aDefaultRatingFreezesTheLimitsInTheSameCommitWithOneCausation() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            _ = try await Self.rate(store, Self.c1, "A")
            _ = try await Self.grant(store, .customer(Self.c1), 1_000_000)
            _ = try await Self.grant(store, .customer(Self.c1), 2_000_000)
            let outcome = try await Self.rate(store, Self.c1, "D", reason: .default)
            #expect(outcome.events.map(\.stream.rawValue) == ["rating-c1-corporate", "limit-c1", "limit-c1"])
            #expect(outcome.events.map(\.type) == ["RatingApproved", "CreditLimitFrozen", "CreditLimitFrozen"])
            #expect(Set(outcome.events.map(\.causationID)).count == 1)
            #expect(outcome.events[0].id == outcome.events[0].causationID)
            #expect(outcome.state?.active?.isDefault == true)
            let limits = try #require(try store.creditLimits(of: .customer(Self.c1)))
            #expect(limits.limits.allSatisfy { $0.status == .frozen })
            #expect(try store.replay().matches)
        }
    }

    /// Queued together, two approvals that each fit the group's limit alone: the writer runs
    /// them one after the other, so the second reads the first's limit and is refused.
    @Test(arguments: 1...5)
    func twoMemberApprovalsThatOnlyFitAloneCannotBothPass(round: Int) async throws {
        try await TestStore.with { store, _ in
            for id in ["m1", "m2"] {
                _ = try await TestStore.register(store, id)
                _ = try await Self.rate(store, CustomerID(rawValue: id), "AA")
            }
            _ = try await store.execute(
                SetNetCapital(amount: ExactDecimal(1_000_000_000), reason: "report"), metadata: Self.approver)
            let group = GroupID(rawValue: "g1")
            _ = try await store.execute(CreateGroup(id: group, name: "G"), metadata: Self.clerk)
            for id in ["m1", "m2"] {
                _ = try await store.execute(
                    AddGroupMember(
                        group: group, customer: CustomerID(rawValue: id), relation: .control, evidence: "51%"),
                    metadata: Self.clerk)
            }
            _ = try await Self.grant(store, .group(group), 50_000_000)
            for id in ["m1", "m2"] {
                _ = try await store.execute(
                    ProposeCreditLimit(
                        subject: .customer(CustomerID(rawValue: id)), amount: ExactDecimal(30_000_000),
                        kind: .incremental,
                        mode: .internal, validTo: Self.endOfYear, basis: "plan"), metadata: Self.clerk)
            }
            let admin = CommandMetadata(actor: Actor(uid: 0, user: "root"))
            let approvals = ["m1", "m2"].map {
                store.enqueue(
                    ApproveCreditLimit(subject: .customer(CustomerID(rawValue: $0)), role: "admin"), metadata: admin)
            }
            var outcomes: [Bool] = []
            for approval in approvals { outcomes.append((try? await approval.value()) != nil) }
            #expect(outcomes.filter { $0 }.count == 1, "round \(round)")
            let exposure = try #require(try store.groupExposure(group, on: store.today))
            #expect(
                exposure.memberLimitSum == ExactDecimal(30_000_000) && exposure.headroom == ExactDecimal(20_000_000))
            #expect(try store.replay().matches)
        }
    }

    @Test func reviewsDueAndLimitsExpiringComeFromTheirIndexes() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-03-01T02:00:00Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            for id in ["a", "b", "c"] { _ = try await TestStore.register(store, id) }
            for (id, review) in [("a", "2024-06-30"), ("b", "2024-04-15"), ("c", "2025-03-01")] {
                _ = try await store.execute(
                    ProposeRating(
                        customer: CustomerID(rawValue: id), scale: "corporate", grade: "AA", reason: .annualReview,
                        nextReviewOn: LocalDate(review)), metadata: Self.clerk)
                _ = try await store.execute(
                    ApproveRating(customer: CustomerID(rawValue: id), scale: "corporate", role: "approver"),
                    metadata: Self.approver)
            }
            let due = { (day: String) in try store.ratingsDue(by: LocalDate(day)!, limit: 10).map(\.customer.rawValue) }
            #expect(try due("2024-04-14") == [])
            #expect(try due("2024-06-30") == ["b", "a"])
            // A new rating moves the customer's review.
            _ = try await store.execute(
                ProposeRating(
                    customer: CustomerID(rawValue: "b"), scale: "corporate", grade: "AA", reason: .majorChange),
                metadata: Self.clerk)
            _ = try await store.execute(
                ApproveRating(customer: CustomerID(rawValue: "b"), scale: "corporate", role: "approver"),
                metadata: Self.approver)
            #expect(try due("2024-06-30") == ["a"])
            #expect(
                try store.ratingHistory(of: CustomerID(rawValue: "b"), scale: "corporate").map(\.reason) == [
                    .annualReview, .majorChange,
                ])

            for (id, validTo) in [("a", "2024-03-20"), ("b", "2024-05-01"), ("c", "2024-03-05")] {
                _ = try await store.execute(
                    ProposeCreditLimit(
                        subject: .customer(CustomerID(rawValue: id)), amount: ExactDecimal(1_000), kind: .incremental,
                        mode: .public, validTo: LocalDate(validTo)!, basis: "plan"), metadata: Self.clerk)
                _ = try await store.execute(
                    ApproveCreditLimit(subject: .customer(CustomerID(rawValue: id)), role: "approver"),
                    metadata: Self.approver)
            }
            let expiring = try store.limitsExpiring(
                from: LocalDate("2024-03-01")!, through: LocalDate("2024-03-31")!, limit: 10)
            #expect(expiring.map { "\($0.limits.subject)#\($0.number)" } == ["customer c#1", "customer a#1"])
            _ = try await store.execute(
                LimitAction(
                    .revoke, subject: .customer(CustomerID(rawValue: "c")), number: 1, role: "approver",
                    reason: "closed"),
                metadata: Self.approver)
            #expect(
                try store.limitsExpiring(from: LocalDate("2024-03-01")!, through: LocalDate("2024-03-31")!, limit: 10)
                    .count == 1)
            #expect(try store.replay().matches, "the indexes rebuild byte for byte")

            // As of before a's revocation, a's limit (and not c's, revoked by then) was expiring; as of
            // before any limit, none was.
            let beforeRevoking = clock.read()
            clock.advance(minutes: 10)
            _ = try await store.execute(
                LimitAction(
                    .revoke, subject: .customer(CustomerID(rawValue: "a")), number: 1, role: "approver",
                    reason: "closed"),
                metadata: Self.approver)
            let march = (from: LocalDate("2024-03-01")!, through: LocalDate("2024-03-31")!)
            #expect(try store.limitsExpiring(from: march.from, through: march.through, limit: 10).isEmpty)
            let then = try store.limitsExpiring(from: march.from, through: march.through, limit: 10, asOf: beforeRevoking)
            #expect(then.map { "\($0.limits.subject)#\($0.number)" } == ["customer a#1"])
            let aFirst = LimitExpiryCursor(
                validTo: LocalDate("2024-03-20")!, subject: .customer(CustomerID(rawValue: "a")), number: 1)
            let paged = try store.limitsExpiring(
                from: march.from, through: march.through, after: aFirst, limit: 10, asOf: beforeRevoking)
            #expect(paged.isEmpty, "a page starts after its cursor")
            let yearAgo = Timestamp(iso8601: "2023-03-01T00:00:00Z")!
            #expect(try store.limitsExpiring(from: march.from, through: march.through, limit: 10, asOf: yearAgo).isEmpty)
        }
    }

    @Test func aQuarterlyRunDowngradesInOneDecisionAndRunsOnce() async throws {
        var policy = Policy()
        policy.ratings.scales[0].quarterlyVolumeThreshold = ExactDecimal(500)
        let clock = TestClock(Timestamp(iso8601: "2024-04-02T02:00:00Z")!)
        try await TestStore.with(clock: clock, policy: policy) { store, _ in
            for id in ["a", "b"] {
                _ = try await TestStore.register(store, id)
                _ = try await Self.rate(store, CustomerID(rawValue: id), "BBB")
            }
            let run = RunQuarterlyDowngrade(
                scale: "corporate", quarter: CalendarQuarter("2024Q1")!,
                volumes: [
                    CustomerVolume(customer: CustomerID(rawValue: "a"), volume: ExactDecimal(10)),
                    CustomerVolume(customer: CustomerID(rawValue: "b"), volume: ExactDecimal(900)),
                ])
            let outcome = try await store.execute(run, metadata: Self.approver)
            #expect(outcome.events.map(\.stream.rawValue) == ["ratingrule-corporate", "rating-a-corporate"])
            #expect(outcome.state?.quartersRun == [CalendarQuarter("2024Q1")!])
            #expect(try store.rating(of: CustomerID(rawValue: "a"), scale: "corporate")?.active?.grade == "BBB-")
            #expect(try store.rating(of: CustomerID(rawValue: "b"), scale: "corporate")?.active?.grade == "BBB")
            await #expect(throws: DomainError.self) { try await store.execute(run, metadata: Self.approver) }
            #expect(try store.replay().matches)
        }
    }
}
