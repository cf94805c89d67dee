/// Where a complaint stands against its clocks at a given time: what the due list shows.
public struct ComplaintDue: Hashable, Sendable, Codable {
    /// The clocks a complaint runs against.
    public enum Clock: String, ClosedSet {
        case respond
        case temporaryMeasure = "temporary_measure"
        case resolve, revisit, close
    }

    public var number: ComplaintNumber
    /// The earliest deadline still to be met, and its clock; absent when none runs.
    public var nextClock: Clock?
    public var nextDeadline: Timestamp?
    /// The next deadline has passed (never while the clock is paused).
    public var overdue: Bool
    /// Not overdue, but `atRiskPercent` of the next clock's time has passed.
    public var atRisk: Bool
    public var paused: Bool
    /// The response or the resolution missed its deadline, even if it came later.
    public var responseBreached: Bool
    public var resolutionBreached: Bool
    /// Why the complaint should be escalated (unresolved too long, a large claim); empty: no reason.
    public var escalationSuggested: [String]

    /// The clocks of `state` at `now`; escalation suggestions use `policy`'s thresholds.
    public init(_ state: ComplaintState, now: Timestamp, policy: Policy) {
        self.number = state.number
        self.paused = state.isPaused
        var pending: [(Clock, start: Timestamp, deadline: Timestamp)] = []
        let unresolved = state.status.isUnresolved
        if state.respondedAt == nil, unresolved { pending.append((.respond, state.receivedAt, state.respondBy)) }
        if let by = state.temporaryMeasureBy, state.temporaryMeasureAt == nil, unresolved {
            pending.append((.temporaryMeasure, state.receivedAt, by))
        }
        if unresolved { pending.append((.resolve, state.receivedAt, state.resolveBy)) }
        if state.status == .resolved, let by = state.revisitBy {
            pending.append((.revisit, state.resolvedAt ?? by, by))
        }
        if state.status.isOpen, let by = state.closeBy { pending.append((.close, state.receivedAt, by)) }
        let next = pending.min { $0.deadline < $1.deadline }
        self.nextClock = next?.0
        self.nextDeadline = next?.deadline
        let running = !state.isPaused
        self.overdue = running && next.map { $0.deadline < now } ?? false
        let percent = Int64(state.basis?.atRiskPercent ?? policy.complaints.atRiskPercent)
        self.atRisk =
            running && !self.overdue
            && next.map { clock in
                let span = clock.deadline.rawValue - clock.start.rawValue
                return now.rawValue >= clock.start.rawValue + span * percent / 100
            } ?? false
        self.responseBreached =
            state.respondedAt.map { $0 > state.respondBy } ?? (unresolved && running && now > state.respondBy)
        self.resolutionBreached =
            state.resolvedAt.map { $0 > state.resolveBy } ?? (unresolved && running && now > state.resolveBy)
        var reasons: [String] = []
        let complaints = policy.complaints
        if unresolved, state.level != .l1 {
            if policy.calendar.deadline(from: state.receivedAt, after: complaints.escalateUnresolvedAfter) < now {
                reasons.append("unresolved after \(complaints.escalateUnresolvedAfter)")
            }
            if let claim = state.claim, claim > complaints.escalateClaimOver {
                reasons.append("claim \(claim) over \(complaints.escalateClaimOver)")
            }
        }
        self.escalationSuggested = reasons
    }
}
