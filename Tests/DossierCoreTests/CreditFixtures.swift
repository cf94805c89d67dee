import DossierCore

/// States built the way the store builds them: by folding events through `apply`.
enum CreditFixtures {
    static let today = LocalDate("2026-03-10")!
    static let now = Timestamp(iso8601: "2026-03-10T02:00:00Z")!
    static let clerk = Actor(uid: 2001, user: "li.clerk")
    static let approver = Actor(uid: 2002, user: "wang.approver")
    static let headOffice = Actor(uid: 2003, user: "zhao.admin")

    static func caller(_ actor: Actor, _ role: String?) -> Caller { Caller(actor: actor, role: role) }

    static func metadata(_ version: UInt64, actor: Actor = clerk) -> EventMetadata {
        EventMetadata(sequence: version, version: version, occurredAt: now, recordedAt: now, actor: actor)
    }

    static func customer(_ id: String = "c1", tier: CustomerTier = .ordinary, kind: CustomerKind = .corporate)
        -> CustomerState
    {
        CustomerState(
            id: CustomerID(rawValue: id), name: "Acme \(id)", kind: kind, stage: .active, tier: tier,
            registeredAt: Timestamp(rawValue: 0), version: 1)
    }

    /// A customer's rating on `scale`, approved with `grade` effective `effectiveOn`.
    static func rating(
        _ customer: String = "c1", scale: String = "corporate", grade: String,
        effectiveOn: LocalDate = LocalDate("2026-01-05")!,
        nextReviewOn: LocalDate? = nil, isDefault: Bool = false
    ) -> RatingState {
        let terms = RatingTerms(
            grade: grade, reason: .annualReview, effectiveOn: effectiveOn,
            nextReviewOn: nextReviewOn ?? effectiveOn.adding(months: 12))
        let approved = RatingApproved(
            customer: CustomerID(rawValue: customer), scale: scale, terms: terms, previousGrade: nil,
            proposedBy: clerk.user, rule: nil, isDefault: isDefault, provisionRatio: nil, note: "")
        return RatingState.apply(nil, .rating(.approved(approved)), at: metadata(1, actor: approver))!
    }

    /// A proposal of `grade` for the reason `reason`, effective today.
    static func proposal(_ customer: String = "c1", grade: String, reason: RatingReason = .annualReview)
        -> RatingProposed
    {
        RatingProposed(
            customer: CustomerID(rawValue: customer), scale: "corporate",
            terms: RatingTerms(grade: grade, reason: reason, effectiveOn: today, nextReviewOn: endOfYear), note: "")
    }

    /// A state after `proposed` was proposed by `by`.
    static func proposed(_ proposed: RatingProposed, on state: RatingState?, by actor: Actor = clerk) -> RatingState {
        RatingState.apply(state, .rating(.proposed(proposed)), at: metadata((state?.version ?? 0) + 1, actor: actor))!
    }

    static func cny(_ amount: Int) -> Money { Money(ExactDecimal(amount), .cny) }

    /// The subject's limits after each (amount, validTo) was approved as limit 1, 2, ...
    static func limits(
        _ subject: CreditSubject, _ approved: [(amount: Int, validTo: LocalDate)] = [], currency: Currency = .cny
    ) -> CreditLimitsState {
        var state: CreditLimitsState?
        for (index, limit) in approved.enumerated() {
            let number = index + 1
            let terms = CreditLimitTerms(
                amount: Money(ExactDecimal(limit.amount), currency), kind: .existing, mode: .internal,
                validFrom: LocalDate("2026-01-01")!, validTo: limit.validTo, basis: "b")
            state = CreditLimitsState.apply(
                state,
                .creditLimit(
                    .proposed(
                        CreditLimitProposed(
                            subject: subject, number: number, isChange: false, terms: terms, note: ""))),
                at: metadata(UInt64(2 * number - 1)))
            state = CreditLimitsState.apply(
                state,
                .creditLimit(
                    .approved(
                        CreditLimitApproved(
                            subject: subject, number: number, isChange: false, terms: terms,
                            authority: "branch_committee", proposedBy: clerk.user, note: ""))),
                at: metadata(UInt64(2 * number), actor: approver))
        }
        return state ?? CreditLimitsState(subject: subject, version: 0)
    }

    static let endOfYear = LocalDate("2026-12-31")!

    /// A group with `members`, each by control.
    static func group(_ id: String = "g1", members: [String] = []) -> GroupState {
        let groupID = GroupID(rawValue: id)
        var state = GroupState.apply(
            nil, .group(.created(GroupCreated(group: groupID, name: "Group \(id)", note: ""))), at: metadata(1))
        for (index, member) in members.enumerated() {
            state = GroupState.apply(
                state,
                .group(
                    .memberAdded(
                        GroupMemberAdded(
                            group: groupID, customer: CustomerID(rawValue: member), relation: .control, evidence: "51%")
                    )),
                at: metadata(UInt64(index + 2)))
        }
        return state!
    }

    static func netCapital(_ amount: Int) -> NetCapitalState {
        NetCapitalState(amount: cny(amount), effectiveOn: today, reason: "Q4 report", setBy: "cfo", version: 1)
    }
}
