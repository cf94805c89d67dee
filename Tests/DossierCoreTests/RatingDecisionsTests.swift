import DossierCore
import Testing

@Suite("RatingDecisions: propose, approve (four eyes), withdraw, and the scales' rules")
struct RatingDecisionsTests {
    typealias F = CreditFixtures
    static let c1 = CustomerID(rawValue: "c1")
    static let policy = RatingPolicy()

    static func propose(
        _ scale: String = "corporate", grade: String? = nil, score: Int? = nil, parts: [(String, Int)]? = nil,
        reason: RatingReason = .annualReview, effectiveOn: LocalDate? = nil, nextReviewOn: LocalDate? = nil,
        current: RatingState? = nil, customer: CustomerState? = F.customer(), policy: RatingPolicy = Self.policy
    ) throws(DomainError) -> RatingProposed {
        try RatingDecisions.propose(
            ProposeRating(
                customer: Self.c1, scale: scale, grade: grade, score: score.map { ExactDecimal($0) },
                parts: parts?.map { PartScore(part: $0.0, points: ExactDecimal($0.1)) }, reason: reason,
                effectiveOn: effectiveOn, nextReviewOn: nextReviewOn),
            customer: customer, current: current, policy: policy, today: F.today)
    }

    static func pending(_ grade: String, on current: RatingState? = nil, scale: String = "corporate") throws
        -> RatingState
    {
        F.proposed(try Self.propose(scale, grade: grade, current: current), on: current)
    }

    static func approve(
        _ state: RatingState?, by actor: Actor = F.approver, role: String? = "approver", scale: String = "corporate"
    )
        throws(DomainError) -> RatingApproved
    {
        try RatingDecisions.approve(
            ApproveRating(customer: Self.c1, scale: scale, role: role), current: state, caller: F.caller(actor, role),
            policy: Self.policy)
    }

    // MARK: - Proposing

    @Test func aProposalTakesEffectTodayAndIsReviewedAYearLater() throws {
        let proposed = try Self.propose(grade: "A")
        #expect(
            proposed.grade == "A" && proposed.effectiveOn == F.today && proposed.nextReviewOn == LocalDate("2027-03-10")
        )
        #expect(proposed.score == nil && proposed.parts == nil)
    }

    @Test func theCustomerAndTheScaleMustExist() {
        #expect(throws: DomainError.customerNotFound(Self.c1)) { try Self.propose(grade: "A", customer: nil) }
        let error = #expect(throws: DomainError.self) { try Self.propose("moody", grade: "A") }
        #expect(error?.details["field"] == "scale")
    }

    @Test func aSecondProposalWhileOneIsPendingIsRefused() throws {
        let state = try Self.pending("A")
        let error = #expect(throws: DomainError.self) { try Self.propose(grade: "AA", current: state) }
        #expect(error?.rule == .ratingOnePending && error?.details["pending"] == "A")
    }

    @Test func aScaleWithoutScoresTakesAGradeOnItsScaleAndNoScore() {
        #expect(throws: DomainError.self) { try Self.propose(grade: nil) }
        #expect(throws: DomainError.self) { try Self.propose(grade: "A+") }
        #expect(throws: DomainError.self) { try Self.propose(grade: "A", score: 80) }
    }

    @Test func onAScaleWithScoresTheGradeFollowsTheScore() throws {
        #expect(try Self.propose("individual", score: 92).grade == "AAA")
        #expect(try Self.propose("individual", grade: "AAA", score: 92).score == ExactDecimal(92))
        let error = #expect(throws: DomainError.self) { try Self.propose("individual", grade: "AAA+", score: 92) }
        #expect(error?.rule == .ratingGradeFollowsScore && error?.details["earned"] == "AAA")
        #expect(throws: DomainError.self) { try Self.propose("individual", grade: "AAA") }
    }

    @Test func onAScaleWithPartsThePartsAreKeptAndSummed() throws {
        let parts = [("A", 40), ("B", 20), ("C", 15), ("D", 5)]
        let proposed = try Self.propose("guarantee", parts: parts)
        #expect(proposed.score == ExactDecimal(70) && proposed.grade == "special_mention1")
        #expect(proposed.parts?.map(\.part) == ["A", "B", "C", "D"])
        #expect(throws: DomainError.self) { try Self.propose("guarantee", score: 70) }
        #expect(throws: DomainError.self) { try Self.propose("guarantee", score: 71, parts: parts) }
    }

    @Test func theBucketPrincipleCapsTheProposedGradeAndNamesThePart() throws {
        var policy = Self.policy
        policy.scales[2].bucketPrinciple = true
        let proposed = try Self.propose("guarantee", parts: [("A", 50), ("B", 30), ("C", 2), ("D", 0)], policy: policy)
        #expect(proposed.grade == "loss" && proposed.cappedBy == "C")
    }

    @Test func aRatingForDefaultHasADefaultGrade() throws {
        let error = #expect(throws: DomainError.self) { try Self.propose(grade: "C", reason: .default) }
        #expect(error?.rule == .ratingDefaultReason)
        #expect(try Self.propose(grade: "D", reason: .default).grade == "D")
        // A scale without default grades takes any grade for the reason.
        #expect(try Self.propose("individual", score: 30, reason: .default).grade == "C")
    }

    @Test func theQuarterlyReasonIsTheRulesOnly() {
        #expect(
            throws: DomainError.invalidField(
                field: "reason", reason: "quarterly_downgrade is given only by rating.quarterly-downgrade")
        ) {
            try Self.propose(grade: "A", reason: .quarterlyDowngrade)
        }
    }

    @Test func theDatesStayInOrder() throws {
        #expect(throws: DomainError.self) { try Self.propose(grade: "A", effectiveOn: F.today.adding(days: 1)) }
        #expect(throws: DomainError.self) { try Self.propose(grade: "A", nextReviewOn: LocalDate("2027-03-11")) }
        #expect(throws: DomainError.self) { try Self.propose(grade: "A", nextReviewOn: F.today) }
        #expect(
            try Self.propose(grade: "A", nextReviewOn: LocalDate("2026-09-30")).nextReviewOn == LocalDate("2026-09-30"))
        let active = F.rating(grade: "A", effectiveOn: LocalDate("2026-02-01")!)
        #expect(throws: DomainError.self) {
            try Self.propose(grade: "A", effectiveOn: LocalDate("2026-01-31"), current: active)
        }
    }

    @Test func anUpgradeGoesUpOneGradeWhereTheScaleSaysSo() throws {
        let active = F.rating(grade: "BBB")
        let error = #expect(throws: DomainError.self) { try Self.propose(grade: "A", current: active) }
        #expect(error?.rule == .ratingOneStepUpgrade && error?.details["from"] == "BBB" && error?.details["to"] == "A")
        #expect(try Self.propose(grade: "BBB+", current: active).grade == "BBB+")
        #expect(try Self.propose(grade: "CCC", current: active).grade == "CCC", "downgrades may skip")
        // The individual scale lets upgrades skip.
        let individual = F.rating(scale: "individual", grade: "C")
        #expect(try Self.propose("individual", score: 96, current: individual).grade == "AAA+")
    }

    // MARK: - Approving

    @Test func anotherPersonInAnApprovingRoleApprovesAndTheRatingSupersedesTheOld() throws {
        var state = F.rating(grade: "BBB")
        state = F.proposed(try Self.propose(grade: "BBB+", current: state), on: state)
        let approved = try Self.approve(state)
        #expect(approved.grade == "BBB+" && approved.previousGrade == "BBB" && approved.proposedBy == F.clerk.user)
        #expect(!approved.isDefault && approved.rule == nil)
        let next = try #require(
            RatingState.apply(state, .rating(.approved(approved)), at: F.metadata(3, actor: F.approver)))
        #expect(next.active?.grade == "BBB+" && next.active?.approvedBy == F.approver.user && next.pending == nil)
        #expect(next.ratingsApproved == 2, "the superseded rating stays in the history")
    }

    @Test func theProposerNeverApproves() throws {
        let state = try Self.pending("A")
        let error = #expect(throws: DomainError.self) { try Self.approve(state, by: F.clerk) }
        #expect(error?.rule == .ratingFourEyes && error?.details["proposer"] == F.clerk.user)
    }

    @Test func onlyTheScalesApproverRolesApprove() throws {
        let state = try Self.pending("A")
        for role in ["clerk", "auditor", nil] as [String?] {
            let error = #expect(throws: DomainError.self) { try Self.approve(state, role: role) }
            #expect(error?.rule == .ratingApproverRole)
        }
        #expect(try Self.approve(state, role: "admin").grade == "A")
    }

    @Test func approvingNeedsAPendingProposal() {
        #expect(throws: DomainError.noPendingRating(Self.c1, scale: "corporate")) {
            try Self.approve(F.rating(grade: "A"))
        }
        #expect(throws: DomainError.noPendingRating(Self.c1, scale: "corporate")) { try Self.approve(nil) }
    }

    @Test func aDefaultGradeIsApprovedAsDefaultWithItsProvisionRatio() throws {
        let state = F.proposed(
            try Self.propose("guarantee", parts: [("A", 5), ("B", 3), ("C", 1), ("D", 20)]), on: nil)
        let approved = try Self.approve(state, scale: "guarantee")
        #expect(approved.grade == "loss" && approved.isDefault && approved.provisionRatio == ExactDecimal(1))
    }

    @Test func withdrawingRemovesTheProposalAndKeepsTheRating() throws {
        var state = F.rating(grade: "A")
        state = F.proposed(try Self.propose(grade: "AA", current: state), on: state)
        let withdrawn = try RatingDecisions.withdraw(
            WithdrawRatingProposal(customer: Self.c1, scale: "corporate", reason: " rater's mistake "), current: state)
        #expect(withdrawn.grade == "AA" && withdrawn.reason == "rater's mistake")
        let next = RatingState.apply(state, .rating(.proposalWithdrawn(withdrawn)), at: F.metadata(3))
        #expect(next?.pending == nil && next?.active?.grade == "A")
        #expect(throws: DomainError.self) {
            try RatingDecisions.withdraw(
                WithdrawRatingProposal(customer: Self.c1, scale: "corporate", reason: "x"), current: next)
        }
    }
}
