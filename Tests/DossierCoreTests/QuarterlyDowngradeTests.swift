import DossierCore
import Testing

@Suite("The quarterly downgrade rule and default propagation")
struct QuarterlyDowngradeTests {
    typealias F = CreditFixtures
    static let q4 = CalendarQuarter("2025Q4")!

    static var policy: RatingPolicy {
        var policy = RatingPolicy()
        policy.scales[0].quarterlyVolumeThreshold = ExactDecimal(1_000_000)
        return policy
    }

    static func run(
        _ volumes: [(String, Int)], ratings: [String: RatingState], rules: RatingRuleState? = nil,
        quarter: CalendarQuarter = Self.q4, policy: RatingPolicy = Self.policy
    ) throws(DomainError) -> Decision {
        try RatingDecisions.quarterlyDowngrade(
            RunQuarterlyDowngrade(
                scale: "corporate", quarter: quarter,
                volumes: volumes.map {
                    CustomerVolume(customer: CustomerID(rawValue: $0.0), volume: ExactDecimal($0.1))
                }),
            rules: rules,
            ratings: Dictionary(uniqueKeysWithValues: ratings.map { (CustomerID(rawValue: $0.key), $0.value) }),
            policy: policy, today: F.today, now: F.now)
    }

    @Test func customersBelowTheThresholdGoDownOneGradeAsOrdinaryRatings() throws {
        let ratings = [
            "a": F.rating("a", grade: "A"), "b": F.rating("b", grade: "BBB"), "c": F.rating("c", grade: "C"),
            "d": F.rating("d", grade: "D", isDefault: true),
        ]
        let decision = try Self.run([("a", 999_999), ("b", 1_000_000), ("c", 5), ("d", 0), ("e", 1)], ratings: ratings)
        #expect(decision.appends.map(\.stream.rawValue) == ["ratingrule-corporate", "rating-a-corporate"])
        #expect(decision.appends[0].expected == .noStream && decision.appends[1].expected == .exact(1))
        guard case .rating(.quarterlyDowngradeRan(let ran)) = decision.appends[0].events[0].event,
            case .rating(.approved(let approved)) = decision.appends[1].events[0].event
        else {
            Issue.record("unexpected events \(decision.events)")
            return
        }
        #expect(ran.downgraded == [RatingDowngrade(customer: CustomerID(rawValue: "a"), from: "A", to: "BBB+")])
        #expect(ran.atLowestGrade.map(\.rawValue) == ["c", "d"], "never into default")
        #expect(ran.unrated.map(\.rawValue) == ["e"])
        #expect(approved.reason == .quarterlyDowngrade && approved.rule == Rule.ratingQuarterlyDowngrade.id)
        #expect(approved.proposedBy == nil && approved.effectiveOn == F.today)
        // A rule's rating leaves a person's pending proposal waiting.
        var pending = F.proposed(F.proposal("a", grade: "AA"), on: ratings["a"])
        pending = try #require(RatingState.apply(pending, .rating(.approved(approved)), at: F.metadata(3)))
        #expect(pending.active?.grade == "BBB+" && pending.pending?.grade == "AA")
    }

    @Test func aQuarterRunsOnceAfterItEnded() throws {
        let rules = RatingRuleState.apply(
            nil,
            .rating(
                .quarterlyDowngradeRan(
                    QuarterlyDowngradeRan(
                        scale: "corporate", quarter: Self.q4, threshold: ExactDecimal(1), downgraded: [],
                        atLowestGrade: [],
                        unrated: []))), at: F.metadata(1))
        let error = #expect(throws: DomainError.self) { try Self.run([], ratings: [:], rules: rules) }
        #expect(error?.rule == .ratingQuarterlyDowngradeOnce)
        #expect(
            try Self.run([], ratings: [:], rules: rules, quarter: CalendarQuarter("2025Q3")!).appends[0].expected
                == .exact(1))
        #expect(throws: DomainError.self) { try Self.run([], ratings: [:], quarter: F.today.quarter) }
    }

    @Test func aScaleWithoutAThresholdHasNoQuarterlyRule() {
        #expect(throws: DomainError.self) { try Self.run([("a", 1)], ratings: [:], policy: RatingPolicy()) }
        #expect(throws: DomainError.self) { try Self.run([("a", 1), ("a", 2)], ratings: [:]) }
    }

    // MARK: - Default propagation

    static func approval(grade: String, isDefault: Bool) -> RatingApproved {
        RatingApproved(
            customer: CustomerID(rawValue: "c1"), scale: "corporate",
            terms: RatingTerms(grade: grade, reason: .default, effectiveOn: F.today, nextReviewOn: F.endOfYear),
            previousGrade: "CCC", proposedBy: "li", rule: nil, isDefault: isDefault, provisionRatio: nil, note: "")
    }

    @Test func aDefaultRatingFreezesEveryLimitInForceInTheSameDecision() throws {
        let subject = CreditSubject.customer(CustomerID(rawValue: "c1"))
        var limits = F.limits(
            subject,
            [(1_000, F.endOfYear), (2_000, F.endOfYear), (3_000, LocalDate("2026-01-31")!), (4_000, F.endOfYear)])
        // Limit 4 is frozen already; limit 3 expired in January.
        limits = try #require(
            CreditLimitsState.apply(
                limits, .creditLimit(.frozen(CreditLimitFrozen(subject: subject, number: 4, reason: "audit"))),
                at: F.metadata(9)))
        let rating = F.proposed(F.proposal(grade: "D", reason: .default), on: F.rating(grade: "CCC"))
        let decision = DefaultPropagation.decision(
            approving: Self.approval(grade: "D", isDefault: true), rating: rating, limits: limits, now: F.now,
            today: F.today)
        #expect(decision.appends.map(\.stream.rawValue) == ["rating-c1-corporate", "limit-c1"])
        #expect(decision.appends[1].expected == .exact(limits.version))
        let frozen = decision.appends[1].events.compactMap { event -> CreditLimitFrozen? in
            if case .creditLimit(.frozen(let frozen)) = event.event { return frozen }
            return nil
        }
        #expect(frozen.map(\.number) == [1, 2])
        #expect(frozen.allSatisfy { $0.defaultRating == DefaultRating(scale: "corporate", grade: "D") })
    }

    @Test func aRatingThatIsNotDefaultAppendsOnlyItself() {
        let limits = F.limits(.customer(CustomerID(rawValue: "c1")), [(1_000, F.endOfYear)])
        let rating = F.rating(grade: "CCC")
        #expect(
            DefaultPropagation.decision(
                approving: Self.approval(grade: "CC", isDefault: false), rating: rating, limits: limits, now: F.now,
                today: F.today
            ).appends.count == 1)
        #expect(
            DefaultPropagation.decision(
                approving: Self.approval(grade: "D", isDefault: true), rating: rating, limits: nil, now: F.now,
                today: F.today
            ).appends.count == 1)
    }
}
