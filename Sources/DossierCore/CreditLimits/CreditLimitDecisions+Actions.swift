extension CreditLimitDecisions {
    /// Decides a `LimitAction`: rejecting the pending proposal, or freezing, unfreezing or
    /// revoking a limit, by someone acting for an approving authority, with a reason.
    /// - Returns: the events for the subject's stream (a freeze of every limit gives one each).
    public static func act(
        _ command: LimitAction, limits: CreditLimitsState?, context: CreditContext, policy: Policy, caller: Caller,
        today: LocalDate
    ) throws(DomainError) -> [CreditLimitEvent] {
        try Self.checkSubjectExists(command.subject, context: context)
        let reason = try command.reason.requiredText("reason")
        let lowest = policy.limits.authorities.authorities.first?.name ?? ""
        guard policy.limits.authorities.holdsAny(caller) else {
            throw .ruleViolation(
                .limitApprovalAuthority,
                message:
                    "limits are decided by \(lowest) or above; \(caller.actor.user) (role \(caller.role ?? "none")) "
                    + "acts for none of policy.limits.authorities",
                details: ["amount": "", "authority": lowest])
        }
        let subject = command.subject
        if command.kind == .reject {
            guard let pending = limits?.pending else { throw .noPendingLimit(subject) }
            return [.rejected(CreditLimitRejected(subject: subject, number: pending.number, reason: reason))]
        }
        if command.kind == .freeze, command.number == nil {
            let inForce = (limits?.limits ?? []).filter { $0.status(on: today) == .approved }
            guard !inForce.isEmpty else {
                throw .ruleViolation(
                    .limitStatus, message: "\(subject) has no limit in force to freeze",
                    details: ["number": "", "status": ""])
            }
            return inForce.map { .frozen(CreditLimitFrozen(subject: subject, number: $0.number, reason: reason)) }
        }
        guard let number = command.number else {
            throw .invalidField(field: "limit", reason: "must name the limit to \(command.kind.rawValue)")
        }
        guard let limit = limits?.limit(number) else { throw .limitNotFound(subject, number: number) }
        switch command.kind {
        case .reject:
            return []
        case .freeze:
            try Self.checkStatus(limit, is: [.approved], today: today)
            return [.frozen(CreditLimitFrozen(subject: subject, number: number, reason: reason))]
        case .unfreeze:
            try Self.checkStatus(limit, is: [.frozen], today: today)
            try Self.checkAuthority(caller, for: limit.amount, of: subject, policy: policy)
            if let customer = subject.customer { try CreditGrantRules.checkNotInDefault(customer, context: context) }
            return [.unfrozen(CreditLimitUnfrozen(subject: subject, number: number, reason: reason))]
        case .revoke:
            try Self.checkStatus(limit, is: [.approved, .frozen, .expired], today: today)
            if let group = subject.group, limit.counts(on: today), let limits {
                let currency = limit.amount.currency
                let remaining = limits.total(in: currency, on: today) - limit.amount.amount
                let members = context.otherMembersTotal(in: currency, on: today)
                guard members <= remaining else {
                    throw .memberSumExceeded(
                        group: group, currency: currency, groupLimit: remaining, memberSum: members,
                        what: "revoking limit \(number)")
                }
            }
            return [.revoked(CreditLimitRevoked(subject: subject, number: number, reason: reason))]
        }
    }
}
