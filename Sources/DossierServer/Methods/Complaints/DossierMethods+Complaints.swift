import DossierCore
import DossierProtocol
import DossierStore

extension DossierMethods {
    static func registerComplaints(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.fileComplaint) { (params: FileComplaintParams, context) in
            let command = FileComplaint(
                customer: try params.customer.map { try CustomerID.parse($0, field: "customer") }, type: params.type,
                channel: params.channel, level: params.level, subject: params.subject,
                description: params.description ?? "", anonymous: params.anonymous ?? false,
                indirect: params.indirect ?? false, unit: params.unit, receivedAt: params.receivedAt,
                incidentAt: params.incidentAt, scope: params.scope ?? .individual, foreign: params.foreign ?? false,
                externalID: params.externalId, claim: params.claim)
            let pending = store.enqueue(
                command, metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending, result: Self.complaintResult)
        }
        for (method, params) in Method.complaintSteps { Self.registerStep(method, params, on: &router, store: store) }
        router.command(Method.reopenComplaint) { (params: ReopenComplaintParams, context) in
            let command = ReopenComplaint(
                number: try ComplaintNumber.parse(params.number), reason: params.reason, level: params.level,
                receivedAt: params.receivedAt)
            let pending = store.enqueue(
                command, metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending, result: Self.complaintResult)
        }
        router.query(Method.showComplaint, cost: Self.costOfState) { (params: ComplaintNumberParams, _) in
            let number = try ComplaintNumber.parse(params.number)
            let found = try params.asOf.map { try store.complaint(number, asOf: $0) } ?? store.complaint(number)
            guard let complaint = found else { throw DomainError.complaintNotFound(number) }
            return ComplaintResult(complaint: complaint)
        }
        router.query(Method.listComplaints, .long) { (params: ListComplaintsParams, _) in
            let limit = try Self.pageSize(params.limit)
            let now = params.asOf ?? store.currentTime()
            let filter = try Self.filter(params, now: now, policy: store.policy)
            if let customer = filter.customer, try store.customer(customer) == nil {
                throw DomainError.customerNotFound(customer)
            }
            let after = try params.after.map { try ComplaintNumber.parse($0) }
            let found =
                try params.asOf.map { try store.complaints(matching: filter, after: after, limit: limit + 1, asOf: $0) }
                ?? store.complaints(matching: filter, after: after, limit: limit + 1, now: now)
            let page = found.prefix(limit)
            return ComplaintsResult(
                complaints: page.map(\.complaint), due: page.map(\.due), asOf: now,
                next: found.count > limit ? found[limit - 1].complaint.number.rawValue : nil)
        }
        router.query(Method.complaintStatistics, .long) { (params: ComplaintStatisticsParams, _) in
            let period = try Self.period(params)
            if let asOf = params.asOf {
                return ComplaintStatisticsResult(
                    statistics: try store.complaintStatistics(
                        from: period.from, to: period.to, reportDueBy: period.dueBy, asOf: asOf),
                    asOf: asOf)
            }
            let now = store.currentTime()
            return ComplaintStatisticsResult(
                statistics: try store.complaintStatistics(
                    from: period.from, to: period.to, reportDueBy: period.dueBy, now: now),
                asOf: now)
        }
        router.query(Method.showIncident, cost: Self.costOfState) { (params: IncidentParams, _) in
            let found = try params.asOf.map { try store.incident(params.id, asOf: $0) } ?? store.incident(params.id)
            guard let incident = found else { throw DomainError.incidentNotFound(params.id) }
            return IncidentResult(incident: incident)
        }
    }

    /// The reply of every command on a complaint: the complaint right after it (for a
    /// reopen, the new complaint).
    @Sendable static func complaintResult(_ outcome: CommandOutcome<ComplaintState>) throws -> ComplaintResult {
        ComplaintResult(complaint: try Self.replyState(outcome), receipt: Self.receipt(outcome))
    }

    /// A handling step's method: its params give the step; a compensation decision carries
    /// the authority the caller's role holds under the running policy.
    static func registerStep<Params: ComplaintStepParams>(
        _ method: Method, _: Params.Type, on router: inout RequestRouter, store: DossierStore
    ) {
        router.command(method) { (params: Params, context) in
            let authority = context.role.flatMap { store.policy.complaints.compensationAuthority[$0.rawValue] }
            let command = HandleComplaint(
                number: try ComplaintNumber.parse(params.number), step: params.step(authority: authority))
            let pending = store.enqueue(
                command,
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending, result: Self.complaintResult)
        }
    }

    /// The filter a list's params ask for, at `now` (`dueToday`: before the end of today in
    /// the policy's time zone).
    static func filter(
        _ params: ListComplaintsParams, now: Timestamp, policy: Policy
    ) throws(DomainError) -> ComplaintFilter {
        var filter = ComplaintFilter()
        filter.customer = try params.customer.map { id throws(DomainError) in
            try CustomerID.parse(id, field: "customer")
        }
        filter.statuses = Set(params.status ?? [])
        filter.levels = Set(params.level ?? [])
        filter.types = Set(params.type ?? [])
        filter.channels = Set(params.channel ?? [])
        filter.owner = params.owner
        filter.unit = params.unit
        filter.dueBefore = params.dueBefore
        if params.dueToday == true {
            let calendar = policy.calendar
            let endOfToday = calendar.instant(on: calendar.localDate(of: now).adding(days: 1), millisecondsOfDay: 0)
            filter.dueBefore = min(filter.dueBefore ?? endOfToday, endOfToday)
        }
        filter.overdue = params.overdue ?? false
        filter.atRisk = params.atRisk ?? false
        filter.breached = params.breached ?? false
        return filter
    }

    /// The receiving days `complaint.stats` counts: a month, or `from` to `to`.
    static func period(
        _ params: ComplaintStatisticsParams
    ) throws(DomainError) -> (
        from: LocalDate, to: LocalDate, dueBy: LocalDate?
    ) {
        if let month = params.month {
            guard params.from == nil, params.to == nil else {
                throw .invalidField(field: "month", reason: "is given instead of from and to, not with them")
            }
            guard let period = ComplaintStatistics.month(month) else {
                throw .invalidField(field: "month", reason: "must be yyyy-MM")
            }
            return (period.from, period.to, period.dueBy)
        }
        guard let from = params.from, let to = params.to else {
            throw .invalidField(field: "month", reason: "or both from and to are required")
        }
        guard from <= to else { throw .invalidField(field: "to", reason: "must not be before from") }
        return (from, to, nil)
    }
}
