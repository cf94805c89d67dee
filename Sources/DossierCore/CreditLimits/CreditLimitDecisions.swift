/// The rules for proposing, changing and approving credit limits.
public enum CreditLimitDecisions {
    /// Decides `ProposeCreditLimit`: a new limit, numbered after the subject's earlier ones,
    /// checked now against every rule its approval will be checked against again.
    public static func propose(
        _ command: ProposeCreditLimit, limits: CreditLimitsState?, context: CreditContext, policy: Policy,
        caller: Caller, now: Timestamp, today: LocalDate
    ) throws(DomainError) -> CreditLimitProposed {
        try Self.checkSubjectExists(command.subject, context: context)
        try Self.checkNothingPending(command.subject, limits: limits)
        let currency = command.currency ?? policy.limits.defaultCurrency
        let amount = try Money.parse(command.amount, currency: currency)
        let validFrom = command.validFrom ?? today
        try Self.checkValidity(from: validFrom, to: command.validTo, policy: policy.limits, today: today)
        if command.kind == .existing, !(limits?.limits.contains { $0.amount.currency == currency } ?? false) {
            throw .invalidField(
                field: "kind",
                reason: "existing credit renews a limit, and \(command.subject) has had none in \(currency)")
        }
        let terms = CreditLimitTerms(
            amount: amount, kind: command.kind, mode: command.mode, validFrom: validFrom, validTo: command.validTo,
            basis: try command.basis.requiredText("basis"))
        let proposal = CreditLimitProposal(
            number: (limits?.limitsProposed ?? 0) + 1, isChange: false, terms: terms,
            note: try command.note.freeText("note"), proposedBy: caller.actor, proposedAt: now)
        try CreditGrantRules.check(
            proposal, of: command.subject, limits: limits, context: context, policy: policy, today: today)
        return Self.proposed(proposal, subject: command.subject)
    }

    /// Decides `ChangeCreditLimit`: a new amount or last day for a limit in force, proposed
    /// like a new limit; a higher amount is incremental credit.
    public static func change(
        _ command: ChangeCreditLimit, limits: CreditLimitsState?, context: CreditContext, policy: Policy,
        caller: Caller, now: Timestamp, today: LocalDate
    ) throws(DomainError) -> CreditLimitProposed {
        try Self.checkSubjectExists(command.subject, context: context)
        guard let limits, let limit = limits.limit(command.number) else {
            throw .limitNotFound(command.subject, number: command.number)
        }
        try Self.checkNothingPending(command.subject, limits: limits)
        try Self.checkStatus(limit, is: [.approved, .frozen], today: today)
        let amount = try Money.parse(command.amount, currency: limit.amount.currency)
        let validTo = command.validTo ?? limit.validTo
        try Self.checkValidity(from: limit.validFrom, to: validTo, policy: policy.limits, today: today)
        var terms = limit.terms
        terms.amount = amount
        terms.kind = amount.amount > limit.amount.amount ? .incremental : .existing
        terms.validTo = validTo
        terms.basis = try command.basis.requiredText("basis")
        let proposal = CreditLimitProposal(
            number: limit.number, isChange: true, terms: terms, note: try command.note.freeText("note"),
            proposedBy: caller.actor, proposedAt: now)
        try CreditGrantRules.check(
            proposal, of: command.subject, limits: limits, context: context, policy: policy, today: today)
        return Self.proposed(proposal, subject: command.subject)
    }

    /// Decides `ApproveCreditLimit`: another person than the proposer, acting for the
    /// authority of the amount, approves the pending proposal; every rule is checked again
    /// against the state of now.
    public static func approve(
        _ command: ApproveCreditLimit, limits: CreditLimitsState?, context: CreditContext, policy: Policy,
        caller: Caller, today: LocalDate
    ) throws(DomainError) -> CreditLimitApproved {
        guard let limits, let pending = limits.pending else { throw .noPendingLimit(command.subject) }
        guard !caller.isSamePerson(as: pending.proposedBy) else {
            throw .ruleViolation(
                .limitFourEyes,
                message: "\(caller.actor.user) proposed this limit and may not approve it; another approver must",
                details: command.subject.details.merging(["proposer": pending.proposedBy.user]) { $1 })
        }
        let authority = try Self.checkAuthority(caller, for: pending.amount, of: command.subject, policy: policy)
        guard today <= pending.validTo else {
            throw .invalidField(
                field: "validTo", reason: "the proposal's last valid day \(pending.validTo) has passed; propose again")
        }
        if pending.isChange, let limit = limits.limit(pending.number) {
            try Self.checkStatus(limit, is: [.approved, .frozen], today: today)
        }
        try CreditGrantRules.check(
            pending, of: command.subject, limits: limits, context: context, policy: policy, today: today)
        return CreditLimitApproved(
            subject: command.subject, number: pending.number, isChange: pending.isChange, terms: pending.terms,
            authority: authority, proposedBy: pending.proposedBy.user, note: try command.note.freeText("note"))
    }

    // MARK: - Checks every decision shares

    static func checkSubjectExists(_ subject: CreditSubject, context: CreditContext) throws(DomainError) {
        switch subject {
        case .customer(let id): guard context.customer != nil else { throw .customerNotFound(id) }
        case .group(let id): guard context.group != nil else { throw .groupNotFound(id) }
        }
    }

    static func checkNothingPending(_ subject: CreditSubject, limits: CreditLimitsState?) throws(DomainError) {
        guard let pending = limits?.pending else { return }
        throw .ruleViolation(
            .limitOnePending,
            message: "\(subject) already has a limit proposal pending (\(pending.isChange ? "a change of " : "")limit "
                + "\(pending.number), \(pending.amount)); approve or reject it first",
            details: subject.details.merging(["pending": String(pending.number)]) { $1 })
    }

    static func checkValidity(
        from validFrom: LocalDate, to validTo: LocalDate, policy: CreditLimitPolicy, today: LocalDate
    )
        throws(DomainError)
    {
        guard validTo >= validFrom, validTo >= today else {
            throw .invalidField(field: "validTo", reason: "must be on or after validFrom and today")
        }
        let latest = validFrom.adding(months: policy.maxValidityMonths).adding(days: -1)
        guard validTo <= latest else {
            throw .ruleViolation(
                .limitMaxValidity,
                message: "a limit is valid for at most \(policy.maxValidityMonths) months: from \(validFrom) the last "
                    + "valid day is \(latest), not \(validTo)",
                details: [
                    "validFrom": validFrom.description, "validTo": validTo.description, "latest": latest.description,
                ])
        }
    }

    static func checkStatus(_ limit: CreditLimit, is allowed: [CreditLimitStatus], today: LocalDate) throws(DomainError)
    {
        let status = limit.status(on: today)
        guard !allowed.contains(status) else { return }
        throw .ruleViolation(
            .limitStatus,
            message: "limit \(limit.number) is \(status.rawValue); this needs it "
                + allowed.map(\.rawValue).joined(separator: " or "),
            details: ["number": String(limit.number), "status": status.rawValue])
    }

    /// The authority that decides `amount` for `subject`, when `caller` acts for it (or one
    /// above it): the amount's band, and for a group above the top threshold the top authority.
    @discardableResult
    static func checkAuthority(_ caller: Caller, for amount: Money, of subject: CreditSubject, policy: Policy)
        throws(DomainError) -> String
    {
        let ladder = policy.limits.authorities
        if let group = subject.group, amount.amount > policy.groups.topAuthorityAbove {
            let top = policy.groups.topAuthority
            guard ladder.caller(caller, holds: top) else {
                throw .ruleViolation(
                    .groupTopAuthority,
                    message: "a group limit above \(policy.groups.topAuthorityAbove) is approved by \(top); "
                        + "\(caller.actor.user) does not act for it",
                    details: ["group": group.rawValue, "amount": amount.amount.description, "authority": top])
            }
            return top
        }
        let authority = policy.limits.approvingAuthority(for: amount.amount)
        guard ladder.caller(caller, holds: authority) else {
            throw .ruleViolation(
                .limitApprovalAuthority,
                message: "\(amount) is decided by \(authority) or above; \(caller.actor.user) (role "
                    + "\(caller.role ?? "none")) does not act for it",
                details: ["amount": amount.amount.description, "authority": authority])
        }
        return authority
    }

    private static func proposed(_ proposal: CreditLimitProposal, subject: CreditSubject) -> CreditLimitProposed {
        CreditLimitProposed(
            subject: subject, number: proposal.number, isChange: proposal.isChange, terms: proposal.terms,
            note: proposal.note)
    }
}
