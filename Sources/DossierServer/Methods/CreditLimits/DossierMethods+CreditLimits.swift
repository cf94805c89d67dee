import DossierCore
import DossierProtocol
import DossierStore
import Foundation

extension DossierMethods {
    static func registerCreditLimits(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.proposeLimit) { (params: ProposeLimitParams, context) in
            let command = ProposeCreditLimit(
                subject: try Self.subject(customer: params.customer, group: params.group),
                amount: params.amount, currency: try params.currency.map { try Currency.parse($0) }, kind: params.kind,
                mode: params.mode, validFrom: params.validFrom, validTo: params.validTo, basis: params.basis,
                note: params.note ?? "")
            return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.changeLimit) { (params: ChangeLimitParams, context) in
            let command = ChangeCreditLimit(
                subject: try Self.subject(customer: params.customer, group: params.group), number: params.limit,
                amount: params.amount, validTo: params.validTo, basis: params.basis, note: params.note ?? "")
            return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.approveLimit) { (params: ApproveLimitParams, context) in
            let command = ApproveCreditLimit(
                subject: try Self.subject(customer: params.customer, group: params.group), role: context.role?.rawValue,
                note: params.note ?? "")
            return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.rejectLimit) { (params: LimitActionParams, context) in
            let command = LimitAction(
                .reject, subject: try Self.subject(customer: params.customer, group: params.group),
                role: context.role?.rawValue, reason: params.reason)
            return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.freezeLimit) { (params: FreezeLimitParams, context) in
            let command = LimitAction(
                .freeze, subject: try Self.subject(customer: params.customer, group: params.group),
                number: params.limit,
                role: context.role?.rawValue, reason: params.reason)
            return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        for (method, kind) in [(Method.unfreezeLimit, LimitActionKind.unfreeze), (.revokeLimit, .revoke)] {
            router.command(method) { (params: LimitNumberActionParams, context) in
                let command = LimitAction(
                    kind, subject: try Self.subject(customer: params.customer, group: params.group),
                    number: params.limit,
                    role: context.role?.rawValue, reason: params.reason)
                return Self.queue(command, store: store, context: context, params.requestId, params.expectedVersion)
            }
        }
        router.query(Method.showLimits, cost: Self.costOfState) { (params: ShowLimitsParams, _) in
            let subject = try Self.subject(customer: params.customer, group: params.group)
            try Self.checkExists(subject, store: store)
            let found =
                try params.asOf.map { try store.creditLimits(of: subject, asOf: $0) } ?? store.creditLimits(of: subject)
            return CreditLimitsResult(
                subject: subject, asOf: store.today, limits: found ?? CreditLimitsState(subject: subject, version: 0))
        }
        router.query(Method.expiringLimits, .long) { (params: ExpiringLimitsParams, _) in
            let limit = try Self.pageSize(params.limit)
            let within = params.withinDays ?? store.policy.limits.expiringWithinDays
            guard (0...366).contains(within) else {
                throw DomainError.invalidField(field: "withinDays", reason: "must be from 0 to 366")
            }
            let after = try params.after.map { text throws(DomainError) -> LimitExpiryCursor in
                guard let cursor = LimitExpiryCursor(text) else {
                    throw .invalidField(field: "after", reason: "must be a next value of an earlier page")
                }
                return cursor
            }
            // As of a past time, the window starts on that time's day.
            let today = params.asOf.map { store.policy.calendar.localDate(of: $0) } ?? store.today
            let through = today.adding(days: within)
            let found =
                try params.asOf.map {
                    try store.limitsExpiring(from: today, through: through, after: after, limit: limit + 1, asOf: $0)
                } ?? store.limitsExpiring(from: today, through: through, after: after, limit: limit + 1)
            let limits = found.prefix(limit).compactMap { entry -> ExpiringLimit? in
                guard let creditLimit = entry.limits.limit(entry.number) else { return nil }
                return ExpiringLimit(
                    subject: entry.limits.subject, number: entry.number, amount: creditLimit.amount,
                    validTo: creditLimit.validTo, status: creditLimit.status(on: today))
            }
            let next =
                found.count > limit
                ? limits.last.map {
                    LimitExpiryCursor(validTo: $0.validTo, subject: $0.subject, number: $0.number).description
                } : nil
            return ExpiringLimitsResult(from: today, through: through, limits: limits, next: next)
        }
    }

    /// The subject a request names: exactly one of a customer and a group.
    static func subject(customer: String?, group: String?) throws(DomainError) -> CreditSubject {
        switch (customer, group) {
        case (let customer?, nil): return .customer(try CustomerID.parse(customer, field: "customer"))
        case (nil, let group?): return .group(try GroupID.parse(group, field: "group"))
        default: throw .invalidField(field: "customer", reason: "give either customer or group, not both nor neither")
        }
    }

    static func checkExists(_ subject: CreditSubject, store: DossierStore) throws {
        switch subject {
        case .customer(let id): guard try store.customer(id) != nil else { throw DomainError.customerNotFound(id) }
        case .group(let id): guard try store.group(id) != nil else { throw DomainError.groupNotFound(id) }
        }
    }

    /// Queues a limit command; its reply is the subject's limits right after it, judged today.
    private static func queue<Command: StoreCommand>(
        _ command: Command, store: DossierStore, context: RequestContext, _ requestID: UUID?,
        _ expectedVersion: ExpectedVersion?
    ) -> QueuedCommand<CreditLimitsResult> where Command.ReplyState == CreditLimitsState {
        let today = store.today
        return Self.queue(command, on: store, for: context, requestID: requestID, expectedVersion: expectedVersion) {
            outcome in
            let limits = try Self.replyState(outcome)
            return CreditLimitsResult(
                subject: limits.subject, asOf: today, limits: limits, receipt: Self.receipt(outcome))
        }
    }
}
