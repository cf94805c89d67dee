/// What can be done to a complaint (each is one method, `complaint.<action>` with `_` as `-`).
public enum ComplaintAction: String, ClosedSet {
    case acknowledge, assign, investigate
    case temporaryMeasure = "temporary_measure"
    case resolve, revisit, close, reject, escalate
    case requestExtension = "request_extension"
    case decideExtension = "decide_extension"
    case withdraw
    case `return`
    case pause, resume, reopen
    case eightD = "eight_d"
    case recordOutcome = "record_outcome"
    case proposeCompensation = "propose_compensation"
    case decideCompensation = "decide_compensation"
}

/// The complaint lifecycle as a state machine:
///
///     received -> acknowledged -> assigned -> investigating -> (temporary_measure) -> resolved
///       -> revisited -> closed
///
/// with the side paths rejected (invalid, citing a rule), withdrawn and returned (out of
/// scope) before resolution, escalation (a more urgent level) and extension while unresolved,
/// handovers from acknowledgement until resolution, the clock paused while waiting on the
/// customer, and reopen (a new complaint) once closed. Anything else is refused as
/// `complaint.lifecycle`, naming the state, the action and what is allowed.
public enum ComplaintLifecycle {
    /// The actions `state` allows, in a stable order.
    public static func allowedActions(_ state: ComplaintState, policy: ComplaintPolicy) -> [ComplaintAction] {
        var actions: [ComplaintAction]
        switch state.status {
        case .received: actions = [.acknowledge, .reject, .escalate, .withdraw, .return]
        case .acknowledged: actions = [.assign, .reject, .escalate, .withdraw, .return]
        case .assigned: actions = [.assign, .investigate, .reject, .escalate, .withdraw, .return]
        case .investigating: actions = [.assign, .temporaryMeasure, .resolve, .reject, .escalate, .withdraw]
        case .temporaryMeasure: actions = [.assign, .resolve, .escalate, .withdraw]
        // Nobody can be called back about an anonymous complaint without a customer: it closes
        // after the reply.
        case .resolved: actions = state.customer == nil ? [.revisit, .close] : [.revisit]
        case .revisited: actions = [.close]
        case .closed: actions = state.reopenedAs == nil ? [.reopen] : []
        case .rejected, .withdrawn, .returned: actions = []
        }
        if state.level == .l1 { actions.removeAll { $0 == .escalate } }
        if state.status.isUnresolved {
            if state.isPaused {
                // Resolving with the clock stopped would leave the deadlines unmoved.
                actions.removeAll { $0 == .resolve }
                actions.append(.resume)
            } else {
                actions.append(.pause)
            }
            actions.append(state.extensionRequest == nil ? .requestExtension : .decideExtension)
        }
        if state.status.isOpen, policy.keepsEightD(state.type) { actions.append(.eightD) }
        switch state.status {
        case .investigating, .temporaryMeasure, .resolved, .revisited:
            actions.append(.recordOutcome)
            actions.append(.proposeCompensation)
            if state.compensation?.isPending == true {
                actions.append(.decideCompensation)
                // A complaint does not close with compensation undecided.
                actions.removeAll { $0 == .close }
            }
        default: break
        }
        return actions
    }

    /// Refuses `action` unless `state` allows it.
    public static func check(
        _ action: ComplaintAction, on state: ComplaintState, policy: ComplaintPolicy
    )
        throws(DomainError)
    {
        let allowed = Self.allowedActions(state, policy: policy)
        guard allowed.contains(action) else { throw .complaintMoveNotAllowed(state, action, allowed: allowed) }
    }
}
