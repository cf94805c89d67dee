/// The rules a limit proposal must pass, at the proposal and again at its approval: whatever
/// raises a customer's credit must suit its tier, its rating and its group; a group's own
/// limit must stay within the concentration cap and above its members' sum.
enum CreditGrantRules {
    static func check(
        _ proposal: CreditLimitProposal, of subject: CreditSubject, limits: CreditLimitsState?, context: CreditContext,
        policy: Policy, today: LocalDate
    ) throws(DomainError) {
        let currency = proposal.amount.currency
        let before = limits?.total(in: currency, on: today) ?? .zero
        let after =
            limits?.total(in: currency, on: today, with: proposal)
            ?? (today <= proposal.validTo ? proposal.amount.amount : .zero)
        switch subject {
        case .customer(let id):
            if after > before {
                try Self.checkTier(
                    id, context: context, policy: policy.limits, currency: currency, before: before, after: after)
                try Self.checkNotInDefault(id, context: context)
                try Self.checkGroupCeiling(context: context, currency: currency, memberTotal: after, today: today)
            }
            if proposal.kind == .incremental {
                try Self.checkRating(id, context: context, policy: policy, today: today)
            }
        case .group(let id):
            if after > before {
                try Self.checkConcentration(
                    id, total: after, currency: currency, context: context, policy: policy.groups)
            }
            if after < before {
                let members = context.otherMembersTotal(in: currency, on: today)
                guard members <= after else {
                    throw .memberSumExceeded(
                        group: id, currency: currency, groupLimit: after, memberSum: members,
                        what: "lowering the group's limit")
                }
            }
        }
    }

    /// Adjusting, restricted and exit customers (by default): credit may only go down.
    static func checkTier(
        _ id: CustomerID, context: CreditContext, policy: CreditLimitPolicy, currency: Currency, before: ExactDecimal,
        after: ExactDecimal
    ) throws(DomainError) {
        guard let tier = context.customer?.tier, policy.decreaseOnlyTiers.contains(tier) else { return }
        throw .ruleViolation(
            .limitDecreaseOnlyTier,
            message: "customer \(id) is in tier \(tier.rawValue), whose total credit may only go down: from "
                + "\(Money(before, currency)) to \(Money(after, currency)) is a raise",
            details: [
                "customer": id.rawValue, "tier": tier.rawValue, "currency": currency.rawValue,
                "total": before.formatted(fractionDigits: 2), "proposed": after.formatted(fractionDigits: 2),
            ])
    }

    static func checkNotInDefault(_ id: CustomerID, context: CreditContext) throws(DomainError) {
        guard let rating = context.defaultRating, let active = rating.active else { return }
        throw .ruleViolation(
            .limitNotInDefault,
            message:
                "customer \(id) is rated \(active.grade) on scale \(rating.scale), a default grade: its credit may "
                + "not be raised or unfrozen",
            details: ["customer": id.rawValue, "scale": rating.scale, "grade": active.grade])
    }

    /// A member's limits, with the other members', stay within the group's limit.
    static func checkGroupCeiling(
        context: CreditContext, currency: Currency, memberTotal: ExactDecimal, today: LocalDate
    )
        throws(DomainError)
    {
        guard let group = context.group else { return }
        let ceiling = context.groupLimits?.total(in: currency, on: today) ?? .zero
        let sum = context.otherMembersTotal(in: currency, on: today) + memberTotal
        guard sum <= ceiling else {
            throw .memberSumExceeded(
                group: group.id, currency: currency, groupLimit: ceiling, memberSum: sum, what: "this limit")
        }
    }

    /// Incremental credit needs a current rating at or above a minimum grade.
    static func checkRating(_ id: CustomerID, context: CreditContext, policy: Policy, today: LocalDate)
        throws(DomainError)
    {
        let minimums = policy.limits.incrementalMinimumGrades.sorted { $0.key < $1.key }
        guard !minimums.isEmpty else { return }
        let current = context.ratings.compactMap { state in
            state.active.flatMap { $0.isCurrent(on: today) ? (state.scale, $0.grade) : nil }
        }
        for (scaleName, minimum) in minimums {
            guard let target = policy.ratings.scale(named: scaleName), let lowest = target.rank(of: minimum) else {
                continue
            }
            for (scale, grade) in current {
                guard let counted = policy.ratings.grade(grade, of: scale, on: scaleName),
                    let rank = target.rank(of: counted)
                else { continue }
                if rank <= lowest { return }
            }
        }
        let wanted = minimums.map { "\($0.value) on \($0.key)" }.joined(separator: " or ")
        let held = current.map { "\($0.1) on \($0.0)" }.joined(separator: ", ")
        throw .ruleViolation(
            .limitIncrementalRating,
            message: "incremental credit for customer \(id) needs a current rating of \(wanted) or better; it has "
                + (held.isEmpty ? "no current rating" : held),
            details: ["customer": id.rawValue, "minimum": wanted, "ratings": held])
    }

    /// A group's limit is at most the concentration ratio of net capital, in its currency.
    static func checkConcentration(
        _ id: GroupID, total: ExactDecimal, currency: Currency, context: CreditContext, policy: GroupPolicy
    ) throws(DomainError) {
        guard let netCapital = context.netCapital, netCapital.amount.currency == currency else {
            throw .ruleViolation(
                .groupConcentration,
                message: "the bank's net capital in \(currency) is not recorded (group.set-net-capital), so no group "
                    + "limit in \(currency) can be measured against it",
                details: [
                    "group": id.rawValue, "limit": total.formatted(fractionDigits: 2), "netCapital": "", "maximum": "",
                ])
        }
        let maximum = netCapital.amount.amount.multiplied(by: policy.concentrationRatio)
        guard total <= maximum else {
            throw .ruleViolation(
                .groupConcentration,
                message: "group \(id)'s limit of \(Money(total, currency)) would exceed "
                    + "\(policy.concentrationRatio.multiplied(by: ExactDecimal(100)))% of the net capital of "
                    + "\(netCapital.amount), \(Money(maximum, currency))",
                details: [
                    "group": id.rawValue, "limit": total.formatted(fractionDigits: 2),
                    "netCapital": netCapital.amount.amount.formatted(fractionDigits: 2),
                    "maximum": maximum.formatted(fractionDigits: 2),
                ])
        }
    }
}
