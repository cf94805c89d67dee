import DossierCore
import Testing

@Suite("CreditLimitDecisions: proposals, approvals and the rules on raising credit")
struct CreditLimitDecisionsTests {
    typealias F = CreditFixtures
    static let c1 = CustomerID(rawValue: "c1")
    static let subject = CreditSubject.customer(c1)
    static let policy = Policy()

    static func context(
        tier: CustomerTier = .ordinary, ratings: [RatingState] = [F.rating(grade: "A")], group: GroupState? = nil,
        groupLimits: CreditLimitsState? = nil, others: [CreditLimitsState] = [], netCapital: NetCapitalState? = nil
    ) -> CreditContext {
        CreditContext(
            customer: F.customer(tier: tier), ratings: ratings, group: group, groupLimits: groupLimits,
            otherMemberLimits: others, netCapital: netCapital)
    }

    static func propose(
        _ amount: Int, kind: CreditKind = .incremental, subject: CreditSubject = Self.subject,
        limits: CreditLimitsState? = nil,
        context: CreditContext = Self.context(), validFrom: LocalDate? = nil, validTo: LocalDate = F.endOfYear,
        policy: Policy = Self.policy
    ) throws(DomainError) -> CreditLimitProposed {
        try CreditLimitDecisions.propose(
            ProposeCreditLimit(
                subject: subject, amount: ExactDecimal(amount), kind: kind, mode: .internal, validFrom: validFrom,
                validTo: validTo, basis: "annual credit plan"),
            limits: limits, context: context, policy: policy, caller: F.caller(F.clerk, "clerk"), now: F.now,
            today: F.today)
    }

    static func pending(_ proposed: CreditLimitProposed, on limits: CreditLimitsState?) -> CreditLimitsState {
        CreditLimitsState.apply(limits, .creditLimit(.proposed(proposed)), at: F.metadata((limits?.version ?? 0) + 1))!
    }

    static func approve(
        _ limits: CreditLimitsState?, by actor: Actor = F.approver, role: String? = "approver",
        subject: CreditSubject = Self.subject, context: CreditContext = Self.context(), policy: Policy = Self.policy
    ) throws(DomainError) -> CreditLimitApproved {
        try CreditLimitDecisions.approve(
            ApproveCreditLimit(subject: subject, role: role), limits: limits, context: context, policy: policy,
            caller: F.caller(actor, role), today: F.today)
    }

    static func act(
        _ kind: LimitActionKind, _ number: Int?, on limits: CreditLimitsState?, role: String? = "approver",
        subject: CreditSubject = Self.subject, context: CreditContext = Self.context()
    ) throws(DomainError) -> [CreditLimitEvent] {
        try CreditLimitDecisions.act(
            LimitAction(kind, subject: subject, number: number, role: role, reason: "risk review"), limits: limits,
            context: context, policy: Self.policy, caller: F.caller(F.approver, role), today: F.today)
    }

    // MARK: - Proposals

    @Test func aProposalIsNumberedAndDefaultsToTodayAndTheDefaultCurrency() throws {
        let proposed = try Self.propose(5_000_000)
        #expect(proposed.number == 1 && !proposed.isChange && proposed.amount == F.cny(5_000_000))
        #expect(proposed.validFrom == F.today && proposed.basis == "annual credit plan")
        let existing = F.limits(Self.subject, [(1_000, F.endOfYear)])
        #expect(try Self.propose(1_000, limits: existing).number == 2)
    }

    @Test func amountsArePositiveWholeCents() {
        #expect(throws: DomainError.self) { try Self.propose(0) }
        #expect(throws: DomainError.self) { try Self.propose(-5) }
        #expect(
            throws: DomainError.invalidField(
                field: "amount", reason: "must be in whole cents (at most 2 fraction digits)")
        ) {
            try CreditLimitDecisions.propose(
                ProposeCreditLimit(
                    subject: Self.subject, amount: ExactDecimal("10.005")!, kind: .incremental, mode: .public,
                    validTo: F.endOfYear, basis: "b"),
                limits: nil, context: Self.context(), policy: Self.policy, caller: F.caller(F.clerk, "clerk"),
                now: F.now,
                today: F.today)
        }
    }

    @Test func aLimitIsValidForAtMostTwelveMonths() throws {
        let from = LocalDate("2026-03-01")!
        #expect(
            try Self.propose(1, validFrom: from, validTo: LocalDate("2027-02-28")!).validTo == LocalDate("2027-02-28"))
        let error = #expect(throws: DomainError.self) {
            try Self.propose(1, validFrom: from, validTo: LocalDate("2027-03-01")!)
        }
        #expect(error?.rule == .limitMaxValidity && error?.details["latest"] == "2027-02-28")
        var policy = Self.policy
        policy.limits.maxValidityMonths = 24
        #expect(try Self.propose(1, validFrom: from, validTo: LocalDate("2027-03-01")!, policy: policy).number == 1)
        #expect(throws: DomainError.self) { try Self.propose(1, validTo: F.today.adding(days: -1)) }
    }

    @Test func existingCreditRenewsALimitTheSubjectHad() throws {
        #expect(throws: DomainError.self) { try Self.propose(1_000, kind: .existing) }
        let expired = F.limits(Self.subject, [(1_000, LocalDate("2026-02-28")!)])
        #expect(
            try Self.propose(1_000, kind: .existing, limits: expired, context: Self.context(ratings: [])).kind
                == .existing)
    }

    @Test func aSecondProposalWhilePendingIsRefused() throws {
        let limits = Self.pending(try Self.propose(1_000), on: nil)
        let error = #expect(throws: DomainError.self) { try Self.propose(2_000, limits: limits) }
        #expect(error?.rule == .limitOnePending && error?.details["pending"] == "1")
    }

    // MARK: - Ratings

    @Test(arguments: [("BBB", false), ("BBB+", false), ("A", true), ("AA", true), ("AAA", true), ("D", false)])
    func incrementalCreditNeedsACorporateRatingOfAOrBetter(grade: String, allowed: Bool) throws {
        let context = Self.context(ratings: [F.rating(grade: grade, isDefault: grade == "D")])
        if allowed {
            #expect(try Self.propose(5_000_000, context: context).kind == .incremental)
        } else {
            let error = #expect(throws: DomainError.self) { try Self.propose(5_000_000, context: context) }
            #expect(error?.rule == .limitIncrementalRating || error?.rule == .limitNotInDefault, "\(grade)")
        }
    }

    @Test func anAgencyRatingCountsAsItsCorporateGradeAndAnIndividualOnItsOwnScale() throws {
        #expect(
            try Self.propose(1, context: Self.context(ratings: [F.rating(scale: "agency", grade: "AA-")])).number == 1)
        #expect(throws: DomainError.self) {
            try Self.propose(1, context: Self.context(ratings: [F.rating(scale: "agency", grade: "BBB+")]))
        }
        #expect(
            try Self.propose(1, context: Self.context(ratings: [F.rating(scale: "individual", grade: "A")])).number == 1
        )
        #expect(throws: DomainError.self) {
            try Self.propose(1, context: Self.context(ratings: [F.rating(scale: "guarantee", grade: "normal1")]))
        }
    }

    @Test func aRatingPastItsReviewIsNotCurrent() throws {
        let overdue = F.rating(
            grade: "AA", effectiveOn: LocalDate("2025-01-01")!, nextReviewOn: LocalDate("2026-01-01")!)
        let error = #expect(throws: DomainError.self) { try Self.propose(1, context: Self.context(ratings: [overdue])) }
        #expect(error?.rule == .limitIncrementalRating)
        #expect(
            try Self.propose(
                1, kind: .existing, limits: F.limits(Self.subject, [(5, F.endOfYear)]),
                context: Self.context(ratings: [overdue])
            ).number == 2)
    }

    @Test func theMinimumGradeIsConfigured() throws {
        var policy = Self.policy
        policy.limits.incrementalMinimumGrades = ["corporate": "BBB"]
        #expect(
            try Self.propose(1, context: Self.context(ratings: [F.rating(grade: "BBB")]), policy: policy).number == 1)
        policy.limits.incrementalMinimumGrades = [:]
        #expect(try Self.propose(1, context: Self.context(ratings: []), policy: policy).number == 1)
    }

    // MARK: - Tiers

    @Test(arguments: [CustomerTier.adjusting, .restricted, .exit])
    func aDecreaseOnlyTierMayNotRaiseItsCredit(tier: CustomerTier) throws {
        let limits = F.limits(Self.subject, [(10_000_000, F.endOfYear)])
        let context = Self.context(tier: tier)
        let error = #expect(throws: DomainError.self) { try Self.propose(1_000, limits: limits, context: context) }
        #expect(error?.rule == .limitDecreaseOnlyTier && error?.details["tier"] == tier.rawValue)
        // A decrease of its limit is accepted, proposed and approved.
        let change = try CreditLimitDecisions.change(
            ChangeCreditLimit(subject: Self.subject, number: 1, amount: ExactDecimal(6_000_000), basis: "tier review"),
            limits: limits, context: context, policy: Self.policy, caller: F.caller(F.clerk, "clerk"), now: F.now,
            today: F.today)
        #expect(change.isChange && change.kind == .existing && change.amount == F.cny(6_000_000))
        let approved = try Self.approve(Self.pending(change, on: limits), context: context)
        #expect(approved.amount == F.cny(6_000_000) && approved.number == 1)
    }

    @Test func otherTiersMayRaiseAndTheListIsConfigured() throws {
        #expect(try Self.propose(1_000, context: Self.context(tier: .gold)).number == 1)
        var policy = Self.policy
        policy.limits.decreaseOnlyTiers = [.exit]
        #expect(try Self.propose(1_000, context: Self.context(tier: .restricted), policy: policy).number == 1)
    }

    @Test func aChangeUpIsIncrementalAndAChangeOfAnExpiredOrRevokedLimitIsRefused() throws {
        let limits = F.limits(Self.subject, [(1_000, F.endOfYear), (2_000, LocalDate("2026-02-01")!)])
        let up = try CreditLimitDecisions.change(
            ChangeCreditLimit(subject: Self.subject, number: 1, amount: ExactDecimal(1_500), basis: "b"),
            limits: limits,
            context: Self.context(), policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now, today: F.today)
        #expect(up.kind == .incremental)
        let error = #expect(throws: DomainError.self) {
            try CreditLimitDecisions.change(
                ChangeCreditLimit(subject: Self.subject, number: 2, amount: ExactDecimal(500), basis: "b"),
                limits: limits,
                context: Self.context(), policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now, today: F.today
            )
        }
        #expect(error?.rule == .limitStatus && error?.details["status"] == "expired")
        #expect(throws: DomainError.limitNotFound(Self.subject, number: 9)) {
            try CreditLimitDecisions.change(
                ChangeCreditLimit(subject: Self.subject, number: 9, amount: ExactDecimal(500), basis: "b"),
                limits: limits,
                context: Self.context(), policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now, today: F.today
            )
        }
    }

    @Test func anExpiredLimitCountsAsZeroWithoutAnEvent() {
        let limits = F.limits(Self.subject, [(1_000, LocalDate("2026-03-09")!), (2_000, LocalDate("2026-03-10")!)])
        #expect(limits.total(in: .cny, on: F.today) == ExactDecimal(2_000))
        #expect(limits.total(in: .cny, on: F.today.adding(days: 1)) == .zero)
        #expect(limits.limits[0].status(on: F.today) == .expired && limits.limits[1].status(on: F.today) == .approved)
    }

    // MARK: - Approval

    @Test func theProposerNeverApproves() throws {
        let limits = Self.pending(try Self.propose(1_000), on: nil)
        let error = #expect(throws: DomainError.self) { try Self.approve(limits, by: F.clerk, role: "approver") }
        #expect(error?.rule == .limitFourEyes && error?.details["proposer"] == F.clerk.user)
        #expect(try Self.approve(limits).authority == "branch_committee")
    }

    @Test func theApproverMustActForTheAmountsBand() throws {
        let big = Self.pending(try Self.propose(60_000_000), on: nil)
        let error = #expect(throws: DomainError.self) { try Self.approve(big) }
        #expect(error?.rule == .limitApprovalAuthority && error?.details["authority"] == "head_office")
        #expect(try Self.approve(big, by: F.headOffice, role: "admin").authority == "head_office")
        // A user named for head office acts for it whatever its role.
        var policy = Self.policy
        policy.limits.authorities.authorities[1].users = [F.approver.user]
        #expect(try Self.approve(big, policy: policy).authority == "head_office")
        // The ceiling is inclusive and configured.
        let atCeiling = Self.pending(try Self.propose(50_000_000), on: nil)
        #expect(try Self.approve(atCeiling).authority == "branch_committee")
        policy = Self.policy
        policy.limits.approvalBands[0].upTo = ExactDecimal(10_000_000)
        #expect(throws: DomainError.self) { try Self.approve(atCeiling, policy: policy) }
    }

    @Test func theRulesAreCheckedAgainAtApproval() throws {
        let limits = Self.pending(try Self.propose(1_000), on: nil)
        // The customer became restricted after the proposal.
        let error = #expect(throws: DomainError.self) {
            try Self.approve(limits, context: Self.context(tier: .restricted))
        }
        #expect(error?.rule == .limitDecreaseOnlyTier)
        let noRating = #expect(throws: DomainError.self) {
            try Self.approve(limits, context: Self.context(ratings: []))
        }
        #expect(noRating?.rule == .limitIncrementalRating)
        #expect(throws: DomainError.noPendingLimit(Self.subject)) { try Self.approve(F.limits(Self.subject)) }
    }

    @Test func nothingRaisesTheCreditOfACustomerInDefault() throws {
        let limits = F.limits(Self.subject, [(1_000, F.endOfYear)])
        let context = Self.context(ratings: [F.rating(grade: "D", isDefault: true)])
        let error = #expect(throws: DomainError.self) {
            try Self.propose(5, kind: .existing, limits: limits, context: context)
        }
        #expect(error?.rule == .limitNotInDefault && error?.details["grade"] == "D")
        let frozen = CreditLimitsState.apply(
            limits, .creditLimit(.frozen(CreditLimitFrozen(subject: Self.subject, number: 1, reason: "default"))),
            at: F.metadata(9))
        let unfreeze = #expect(throws: DomainError.self) { try Self.act(.unfreeze, 1, on: frozen, context: context) }
        #expect(unfreeze?.rule == .limitNotInDefault)
        #expect(try Self.act(.unfreeze, 1, on: frozen).count == 1)
    }

    // MARK: - Actions

    @Test func freezeUnfreezeAndRevokeFollowTheStatus() throws {
        var limits = F.limits(Self.subject, [(1_000, F.endOfYear), (2_000, F.endOfYear)])
        #expect(throws: DomainError.self) { try Self.act(.unfreeze, 1, on: limits) }
        let frozen = try Self.act(.freeze, nil, on: limits)
        #expect(frozen.count == 2, "no number freezes every limit in force")
        for event in frozen {
            limits = CreditLimitsState.apply(limits, .creditLimit(event), at: F.metadata(limits.version + 1))!
        }
        #expect(limits.limits.allSatisfy { $0.status == .frozen && $0.frozenReason == "risk review" })
        #expect(limits.total(in: .cny, on: F.today) == ExactDecimal(3_000), "a frozen limit still counts as granted")
        let again = #expect(throws: DomainError.self) { try Self.act(.freeze, 1, on: limits) }
        #expect(again?.rule == .limitStatus)
        let revoked = try Self.act(.revoke, 2, on: limits)
        limits = CreditLimitsState.apply(limits, .creditLimit(revoked[0]), at: F.metadata(limits.version + 1))!
        #expect(limits.limit(2)?.status == .revoked && limits.total(in: .cny, on: F.today) == ExactDecimal(1_000))
        #expect(throws: DomainError.self) { try Self.act(.revoke, 2, on: limits) }
        #expect(throws: DomainError.self) { try Self.act(.freeze, nil, on: F.limits(Self.subject)) }
    }

    @Test func actionsNeedAnAuthorityAndRejectNeedsAPendingProposal() throws {
        let limits = F.limits(Self.subject, [(1_000, F.endOfYear)])
        let error = #expect(throws: DomainError.self) { try Self.act(.freeze, 1, on: limits, role: "clerk") }
        #expect(error?.rule == .limitApprovalAuthority)
        #expect(throws: DomainError.noPendingLimit(Self.subject)) { try Self.act(.reject, nil, on: limits) }
        let pending = Self.pending(try Self.propose(5, limits: limits), on: limits)
        let rejected = try Self.act(.reject, nil, on: pending)
        let after = CreditLimitsState.apply(pending, .creditLimit(rejected[0]), at: F.metadata(9))
        #expect(after?.pending == nil && after?.limitsProposed == 2)
        // Unfreezing a limit needs the authority of its amount.
        let big = F.limits(Self.subject, [(80_000_000, F.endOfYear)])
        var frozenBig = big
        frozenBig = CreditLimitsState.apply(
            big, .creditLimit(.frozen(CreditLimitFrozen(subject: Self.subject, number: 1, reason: "x"))),
            at: F.metadata(9))!
        let unfreeze = #expect(throws: DomainError.self) { try Self.act(.unfreeze, 1, on: frozenBig) }
        #expect(unfreeze?.rule == .limitApprovalAuthority)
    }
}
