import DossierCore
import Testing

@Suite("Groups: membership, exclusions, balances, and the group rules on limits")
struct GroupRulesTests {
    typealias F = CreditFixtures
    static let g1 = GroupID(rawValue: "g1")
    static let group = CreditSubject.group(g1)
    static let policy = Policy()

    static func member(_ id: String) -> CreditSubject { .customer(CustomerID(rawValue: id)) }

    /// A member's context: the group's limit of `ceiling` and the other members' limits.
    static func memberContext(ceiling: Int?, others: [(String, Int)]) -> CreditContext {
        CreditContext(
            customer: F.customer("m1"), ratings: [F.rating("m1", grade: "AA")],
            group: F.group(members: ["m1"] + others.map(\.0)),
            groupLimits: ceiling.map { F.limits(Self.group, [($0, F.endOfYear)]) },
            otherMemberLimits: others.map { F.limits(Self.member($0.0), [($0.1, F.endOfYear)]) })
    }

    static func proposeFor(
        _ subject: CreditSubject, _ amount: Int, limits: CreditLimitsState? = nil, context: CreditContext
    )
        throws(DomainError) -> CreditLimitProposed
    {
        try CreditLimitDecisions.propose(
            ProposeCreditLimit(
                subject: subject, amount: ExactDecimal(amount), kind: .incremental, mode: .internal,
                validTo: F.endOfYear, basis: "b"),
            limits: limits, context: context, policy: Self.policy, caller: F.caller(F.clerk, "clerk"), now: F.now,
            today: F.today)
    }

    // MARK: - The members' sum

    @Test func aMembersLimitMayNotTakeTheSumOverTheGroupLimit() throws {
        let context = Self.memberContext(ceiling: 100_000_000, others: [("m2", 60_000_000)])
        #expect(try Self.proposeFor(Self.member("m1"), 40_000_000, context: context).number == 1)
        let error = #expect(throws: DomainError.self) {
            try Self.proposeFor(Self.member("m1"), 40_000_001, context: context)
        }
        #expect(error?.rule == .groupMemberSum)
        #expect(error?.details["groupLimit"] == "100000000.00" && error?.details["memberSum"] == "100000001.00")
    }

    @Test func aGroupWithoutALimitAdmitsNoMemberCredit() {
        let error = #expect(throws: DomainError.self) {
            try Self.proposeFor(Self.member("m1"), 1, context: Self.memberContext(ceiling: nil, others: []))
        }
        #expect(error?.rule == .groupMemberSum)
    }

    @Test func anExpiredGroupLimitCountsAsZeroButAMemberMayStillGoDown() throws {
        var context = Self.memberContext(ceiling: nil, others: [])
        context.groupLimits = F.limits(Self.group, [(100, LocalDate("2026-02-28")!)])
        let mine = F.limits(Self.member("m1"), [(50, F.endOfYear)])
        #expect(throws: DomainError.self) { try Self.proposeFor(Self.member("m1"), 1, limits: mine, context: context) }
        let down = try CreditLimitDecisions.change(
            ChangeCreditLimit(subject: Self.member("m1"), number: 1, amount: ExactDecimal(10), basis: "b"),
            limits: mine,
            context: context, policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now, today: F.today)
        #expect(down.amount == F.cny(10))
    }

    @Test func loweringOrRevokingTheGroupLimitMayNotLeaveTheMembersOver() throws {
        let groupLimits = F.limits(Self.group, [(100_000_000, F.endOfYear)])
        let context = CreditContext(
            group: F.group(members: ["m1"]),
            otherMemberLimits: [F.limits(Self.member("m1"), [(80_000_000, F.endOfYear)])],
            netCapital: F.netCapital(1_000_000_000))
        let error = #expect(throws: DomainError.self) {
            try CreditLimitDecisions.change(
                ChangeCreditLimit(subject: Self.group, number: 1, amount: ExactDecimal(79_999_999), basis: "b"),
                limits: groupLimits, context: context, policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now,
                today: F.today)
        }
        #expect(error?.rule == .groupMemberSum)
        let revoke = #expect(throws: DomainError.self) {
            try CreditLimitDecisions.act(
                LimitAction(.revoke, subject: Self.group, number: 1, role: "approver", reason: "r"),
                limits: groupLimits,
                context: context, policy: Self.policy, caller: F.caller(F.approver, "approver"), today: F.today)
        }
        #expect(revoke?.rule == .groupMemberSum)
        #expect(
            try CreditLimitDecisions.change(
                ChangeCreditLimit(subject: Self.group, number: 1, amount: ExactDecimal(80_000_000), basis: "b"),
                limits: groupLimits, context: context, policy: Self.policy, caller: F.caller(F.clerk, nil), now: F.now,
                today: F.today
            ).amount == F.cny(80_000_000))
    }

    // MARK: - Concentration and the top authority

    @Test func aGroupLimitIsAtMostFifteenPercentOfNetCapital() throws {
        let context = CreditContext(group: F.group(), netCapital: F.netCapital(400_000_000))
        #expect(try Self.proposeFor(Self.group, 60_000_000, context: context).amount == F.cny(60_000_000))
        let error = #expect(throws: DomainError.self) { try Self.proposeFor(Self.group, 60_000_001, context: context) }
        #expect(error?.rule == .groupConcentration && error?.details["maximum"] == "60000000.00")
        let unknown = #expect(throws: DomainError.self) {
            try Self.proposeFor(Self.group, 1, context: CreditContext(group: F.group()))
        }
        #expect(unknown?.rule == .groupConcentration)
        var policy = Self.policy
        policy.groups.concentrationRatio = ExactDecimal("0.2")!
        #expect(
            try CreditLimitDecisions.propose(
                ProposeCreditLimit(
                    subject: Self.group, amount: ExactDecimal(80_000_000), kind: .incremental, mode: .internal,
                    validTo: F.endOfYear, basis: "b"),
                limits: nil, context: context, policy: policy, caller: F.caller(F.clerk, nil), now: F.now,
                today: F.today
            ).number == 1)
    }

    @Test func aGroupLimitAbove66MillionNeedsTheTopAuthority() throws {
        let context = CreditContext(group: F.group(), netCapital: F.netCapital(1_000_000_000))
        let proposed = try Self.proposeFor(Self.group, 70_000_000, context: context)
        let limits = CreditLimitsState.apply(nil, .creditLimit(.proposed(proposed)), at: F.metadata(1))
        var policy = Self.policy
        policy.limits.authorities.authorities[1].users = [F.approver.user]
        let approve = { (policy: Policy, actor: Actor, role: String) throws(DomainError) -> CreditLimitApproved in
            try CreditLimitDecisions.approve(
                ApproveCreditLimit(subject: Self.group, role: role), limits: limits, context: context, policy: policy,
                caller: F.caller(actor, role), today: F.today)
        }
        // Head office may approve a customer's 70 million, not a group's.
        let error = #expect(throws: DomainError.self) { try approve(policy, F.approver, "approver") }
        #expect(error?.rule == .groupTopAuthority && error?.details["authority"] == "president_office")
        #expect(try approve(policy, F.headOffice, "admin").authority == "president_office")
        // At or below the threshold, the ordinary bands decide.
        let small = CreditLimitsState.apply(
            nil, .creditLimit(.proposed(try Self.proposeFor(Self.group, 66_000_000, context: context))),
            at: F.metadata(1))
        #expect(
            try CreditLimitDecisions.approve(
                ApproveCreditLimit(subject: Self.group, role: "approver"), limits: small, context: context,
                policy: policy,
                caller: F.caller(F.approver, "approver"), today: F.today
            ).authority == "head_office")
    }

    // MARK: - Membership

    static func add(
        _ customer: String, to group: GroupState?, currentGroup: GroupID? = nil,
        customerLimits: CreditLimitsState? = nil,
        groupLimits: CreditLimitsState? = nil, memberLimits: [CreditLimitsState] = [], registered: Bool = true
    ) throws(DomainError) -> GroupMemberAdded {
        try GroupDecisions.addMember(
            AddGroupMember(
                group: Self.g1, customer: CustomerID(rawValue: customer), relation: .significantInfluence,
                evidence: " 30% of votes "),
            membership: GroupDecisions.Membership(
                group: group, customer: registered ? F.customer(customer) : nil, currentGroup: currentGroup,
                customerLimits: customerLimits, groupLimits: groupLimits, memberLimits: memberLimits),
            today: F.today)
    }

    @Test func aCustomerJoinsOneGroupWithEvidence() throws {
        let added = try Self.add("m1", to: F.group())
        #expect(added.evidence == "30% of votes" && added.relation == .significantInfluence)
        let state = GroupState.apply(F.group(), .group(.memberAdded(added)), at: F.metadata(2))
        #expect(state?.member(CustomerID(rawValue: "m1"))?.addedBy == F.clerk.user)
        let twice = #expect(throws: DomainError.self) { try Self.add("m1", to: state, currentGroup: Self.g1) }
        #expect(twice?.rule == .groupSingleMembership)
        let elsewhere = #expect(throws: DomainError.self) {
            try Self.add("m1", to: F.group(), currentGroup: GroupID(rawValue: "g2"))
        }
        #expect(elsewhere?.details["group"] == "g2")
        #expect(throws: DomainError.groupNotFound(Self.g1)) { try Self.add("m1", to: nil) }
        #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "m1"))) {
            try Self.add("m1", to: F.group(), registered: false)
        }
    }

    @Test func aMemberWithLimitsJoinsOnlyWhereTheyFit() throws {
        let own = F.limits(Self.member("m2"), [(30, F.endOfYear)])
        let error = #expect(throws: DomainError.self) {
            try Self.add(
                "m2", to: F.group(members: ["m1"]), customerLimits: own,
                groupLimits: F.limits(Self.group, [(100, F.endOfYear)]),
                memberLimits: [F.limits(Self.member("m1"), [(80, F.endOfYear)])])
        }
        #expect(error?.rule == .groupMemberSum)
        #expect(
            try Self.add(
                "m2", to: F.group(members: ["m1"]), customerLimits: own,
                groupLimits: F.limits(Self.group, [(110, F.endOfYear)]),
                memberLimits: [F.limits(Self.member("m1"), [(80, F.endOfYear)])]
            ).customer.rawValue == "m2")
    }

    @Test func anExcludedEntityIsNoMember() throws {
        var group = F.group(members: ["m1"])
        let excluded = try GroupDecisions.recordExclusion(
            RecordGroupExclusion(
                group: Self.g1, entity: "Provincial SASAC", customer: CustomerID(rawValue: "sasac"),
                reason: .stateOwnedWithoutControl, evidence: "holds 60% but appoints no director"), group: group)
        group = GroupState.apply(group, .group(.exclusionRecorded(excluded)), at: F.metadata(3))!
        #expect(
            group.isExcluded(CustomerID(rawValue: "sasac")) && group.exclusions[0].reason == .stateOwnedWithoutControl)
        let error = #expect(throws: DomainError.self) { try Self.add("sasac", to: group) }
        #expect(error?.rule == .groupExcludedEntity)
        let member = #expect(throws: DomainError.self) {
            try GroupDecisions.recordExclusion(
                RecordGroupExclusion(
                    group: Self.g1, entity: "M1", customer: CustomerID(rawValue: "m1"), reason: .other, evidence: "e"),
                group: group)
        }
        #expect(member?.rule == .groupExcludedEntity)
    }

    @Test func onlyMembersAreRemovedOrHaveBalances() throws {
        let group = F.group(members: ["m1"])
        let error = #expect(throws: DomainError.self) {
            try GroupDecisions.removeMember(
                RemoveGroupMember(group: Self.g1, customer: CustomerID(rawValue: "x"), reason: "r"), group: group)
        }
        #expect(error?.rule == .groupMembership)
        let removed = try GroupDecisions.removeMember(
            RemoveGroupMember(group: Self.g1, customer: CustomerID(rawValue: "m1"), reason: "sold"), group: group)
        #expect(GroupState.apply(group, .group(.memberRemoved(removed)), at: F.metadata(3))?.members.isEmpty == true)
        #expect(throws: DomainError.self) {
            try GroupDecisions.recordBalance(
                RecordQuarterEndBalance(
                    group: Self.g1, customer: CustomerID(rawValue: "x"), branch: "SH",
                    quarter: CalendarQuarter("2025Q4")!, amount: ExactDecimal(1)),
                group: group, policy: Self.policy.limits, today: F.today)
        }
        #expect(throws: DomainError.self) {
            try GroupDecisions.recordBalance(
                RecordQuarterEndBalance(
                    group: Self.g1, customer: CustomerID(rawValue: "m1"), branch: "SH", quarter: F.today.quarter,
                    amount: ExactDecimal(1)),
                group: group, policy: Self.policy.limits, today: F.today)
        }
    }

    /// The lead branch is the one with the largest balance of the members at the end of the
    /// quarter; a later figure for the same member, branch and quarter replaces the earlier.
    @Test func theLeadBranchHasTheLargestQuarterEndBalance() throws {
        var group = F.group(members: ["m1", "m2"])
        let q4 = CalendarQuarter("2025Q4")!
        for (customer, branch, amount) in [
            ("m1", "SH", 50), ("m2", "BJ", 40), ("m2", "SH", 5), ("m1", "GZ", 70), ("m1", "GZ", 30),
        ] {
            let recorded = try GroupDecisions.recordBalance(
                RecordQuarterEndBalance(
                    group: Self.g1, customer: CustomerID(rawValue: customer), branch: branch, quarter: q4,
                    amount: ExactDecimal(amount)),
                group: group, policy: Self.policy.limits, today: F.today)
            group = GroupState.apply(group, .group(.balanceRecorded(recorded)), at: F.metadata(group.version + 1))!
        }
        let lead = try #require(group.leadBranch(for: q4))
        #expect(lead.branch == "SH" && lead.balance == F.cny(55))
        #expect(group.leadBranch(for: CalendarQuarter("2025Q3")!) == nil)
    }

    @Test func theExposureViewSumsLimitsBondsAndDerivativesAgainstNetCapital() throws {
        var group = F.group(members: ["m1", "m2"])
        for (customer, kind, amount) in [
            ("m1", ExposureKind.bond, 5_000_000), ("m2", .derivative, 1_000_000), ("m1", .bond, 2_000_000),
        ] {
            let recorded = try GroupDecisions.recordExposure(
                RecordGroupExposure(
                    group: Self.g1, customer: CustomerID(rawValue: customer), kind: kind, amount: ExactDecimal(amount)),
                group: group, policy: Self.policy.limits, today: F.today)
            group = GroupState.apply(group, .group(.exposureRecorded(recorded)), at: F.metadata(group.version + 1))!
        }
        let exposure = GroupExposure(
            group: group, groupLimits: F.limits(Self.group, [(60_000_000, F.endOfYear)]),
            memberLimits: [
                CustomerID(rawValue: "m1"): F.limits(
                    Self.member("m1"), [(30_000_000, F.endOfYear), (9, LocalDate("2026-01-31")!)]),
                CustomerID(rawValue: "m2"): F.limits(Self.member("m2"), [(10_000_000, F.endOfYear)]),
            ],
            netCapital: F.netCapital(400_000_000), policy: Self.policy, today: F.today)
        #expect(exposure.groupLimit == ExactDecimal(60_000_000) && exposure.memberLimitSum == ExactDecimal(40_000_000))
        #expect(exposure.headroom == ExactDecimal(20_000_000))
        #expect(exposure.bonds == ExactDecimal(2_000_000) && exposure.derivatives == ExactDecimal(1_000_000))
        #expect(exposure.totalExposure == ExactDecimal(43_000_000))
        #expect(exposure.groupLimitShare == ExactDecimal("0.15") && exposure.exposureShare == ExactDecimal("0.1075"))
        #expect(exposure.concentrationLimit == ExactDecimal("0.15"))
    }

    @Test func groupsAndNetCapitalAreRecordedOnce() throws {
        #expect(throws: DomainError.self) {
            try GroupDecisions.create(CreateGroup(id: Self.g1, name: "G"), existing: F.group())
        }
        #expect(
            try GroupDecisions.create(CreateGroup(id: Self.g1, name: " Haida Group "), existing: nil).name
                == "Haida Group")
        let set = try GroupDecisions.setNetCapital(
            SetNetCapital(amount: ExactDecimal(400_000_000), reason: "2025 report"), policy: Self.policy.limits,
            today: F.today)
        #expect(set.amount == F.cny(400_000_000) && set.effectiveOn == F.today)
        #expect(throws: DomainError.self) {
            try GroupDecisions.setNetCapital(
                SetNetCapital(amount: .zero, reason: "x"), policy: Self.policy.limits, today: F.today)
        }
    }
}
