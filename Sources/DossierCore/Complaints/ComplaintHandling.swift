/// The rules for each step of handling a complaint after it was filed.
public enum ComplaintHandling {
    /// Decides `HandleComplaint` against the complaint's state: the lifecycle first (state,
    /// action, allowed actions), then the step's own rules. The events go to the complaint's
    /// stream at the version the decision saw.
    /// - Parameters:
    ///   - actor: who takes the step (the four-eyes rules compare users).
    ///   - now: the log's time: when the step happens.
    public static func decide(
        _ command: HandleComplaint, state: ComplaintState?, actor: Actor, now: Timestamp, policy: Policy
    ) throws(DomainError) -> Decision {
        guard let state else { throw .complaintNotFound(command.number) }
        try ComplaintLifecycle.check(command.step.action, on: state, policy: policy.complaints)
        let event = try Self.event(for: command.step, on: state, actor: actor, now: now, policy: policy)
        return .append(
            .complaint(event), occurredAt: now, to: .complaint(state.number), expected: .exact(state.version))
    }

    static func event(
        for step: ComplaintStep, on state: ComplaintState, actor: Actor, now: Timestamp, policy: Policy
    ) throws(DomainError) -> ComplaintEvent {
        let number = state.number
        let complaints = policy.complaints
        switch step {
        case .acknowledge(let note):
            return .acknowledged(ComplaintAcknowledged(number: number, note: try Self.note(note)))
        case .assign(let to, let note):
            let to = to.trimmingWhitespace()
            guard (1...64).contains(to.count), !to.contains(where: \.isNewline) else {
                throw .invalidField(field: "to", reason: "must name a user in 1 to 64 characters")
            }
            guard to != state.owner else { throw .invalidField(field: "to", reason: "is already the owner") }
            return .handedOver(
                ComplaintHandedOver(number: number, from: state.owner, to: to, note: try Self.note(note)))
        case .investigate(let note):
            return .investigationStarted(ComplaintInvestigationStarted(number: number, note: try Self.note(note)))
        case .temporaryMeasure(let measure):
            return .temporaryMeasureTaken(
                ComplaintTemporaryMeasureTaken(number: number, measure: try Self.text(measure, field: "measure")))
        case .resolve(let result, let satisfaction):
            return .resolved(
                ComplaintResolved(
                    number: number, result: try Self.text(result, field: "result"), satisfaction: satisfaction,
                    revisitBy: policy.calendar.deadline(from: now, after: complaints.revisitAfter),
                    revisitWithin: complaints.revisitAfter, calendar: policy.calendar.version))
        case .revisit(let satisfaction, let note):
            return .revisited(ComplaintRevisited(number: number, satisfaction: satisfaction, note: try Self.note(note)))
        case .close(let note):
            if complaints.keepsEightD(state.type) {
                let missing = [EightDStep.d3, .d5].filter { !state.eightDSteps.contains($0) }
                guard missing.isEmpty else {
                    throw .ruleViolation(
                        .complaintEightDBeforeClose,
                        message: "complaint \(number) is a \(state.type.rawValue) complaint: record "
                            + "\(missing.map(\.rawValue).joined(separator: " and ")) of its 8D record before closing it",
                        details: ["missing": missing.map(\.rawValue).joined(separator: ",")])
                }
            }
            return .closed(ComplaintClosed(number: number, note: try Self.note(note)))
        case .reject(let rule, let note):
            guard complaints.invalidRules.contains(rule) else {
                throw .ruleViolation(
                    .complaintRejectionRule,
                    message: "\(rule.rule.id) is not enabled in policy.complaints.invalid.rules",
                    details: ["rejectionRule": rule.rule.id])
            }
            return .rejected(
                ComplaintRejected(
                    number: number, rule: rule.rule.id, note: try Self.text(note, field: "note"), automatic: false,
                    facts: [:]))
        case .escalate(let level, let reason):
            guard level.isMoreUrgent(than: state.level) else {
                throw .ruleViolation(
                    .complaintEscalationRaisesLevel,
                    message: "complaint \(number) is \(state.level.rawValue); an escalation must raise it to a more "
                        + "urgent level", details: ["level": state.level.rawValue])
            }
            let basis = policy.deadlineBasis(
                level: level, foreign: state.foreign, eightD: complaints.keepsEightD(state.type))
            return .escalated(
                ComplaintEscalated(
                    number: number, from: state.level, to: level, reason: try Self.text(reason, field: "reason"),
                    deadlines: GroupIncidentDecisions.deadlines(of: state, basis: basis, policy: policy), basis: basis))
        case .requestExtension(let reason, let consent, let until):
            let reason = try Self.text(reason, field: "reason")
            guard consent else {
                throw .ruleViolation(
                    .complaintExtensionConsent,
                    message: "an extension of complaint \(number) needs the customer's consent",
                    details: ["complaint": number.rawValue])
            }
            guard until > state.resolveBy else {
                throw .ruleViolation(
                    .complaintExtensionLater,
                    message: "the extension must end after the current resolution deadline \(state.resolveBy)",
                    details: ["resolveBy": state.resolveBy.iso8601])
            }
            return .extensionRequested(
                ComplaintExtensionRequested(
                    number: number, reason: reason, customerConsent: consent, until: until, requestedBy: actor.user))
        case .decideExtension(let grant, let note):
            guard let request = state.extensionRequest else {
                throw .complaintMoveNotAllowed(state, .decideExtension, allowed: [])
            }
            guard request.requestedBy != actor.user else {
                throw .complaintFourEyes(number, proposer: request.requestedBy, what: "requested the extension")
            }
            let note = try Self.note(note)
            if grant {
                return .extensionGranted(
                    ComplaintExtensionGranted(
                        number: number, requestedBy: request.requestedBy, resolveBy: request.until, note: note,
                        calendar: policy.calendar.version))
            }
            return .extensionRefused(
                ComplaintExtensionRefused(number: number, requestedBy: request.requestedBy, note: note))
        case .withdraw(let reason):
            return .withdrawn(ComplaintWithdrawn(number: number, reason: try Self.note(reason)))
        case .returnOutOfScope(let reason):
            return .returned(ComplaintReturned(number: number, reason: try Self.text(reason, field: "reason")))
        case .pause(let reason):
            return .clockPaused(ComplaintClockPaused(number: number, reason: try Self.text(reason, field: "reason")))
        case .resume(let note):
            guard let since = state.pausedSince else { throw .complaintMoveNotAllowed(state, .resume, allowed: []) }
            let paused = policy.calendar.workingMilliseconds(from: since, to: now)
            return .clockResumed(
                ComplaintClockResumed(
                    number: number, note: try Self.note(note), pausedSince: since, pausedWorkingMilliseconds: paused,
                    deadlines: state.deadlines.moved(byWorkingTime: paused, on: policy.calendar),
                    calendar: policy.calendar.version))
        case .eightD(let step, let owner, let on, let text):
            guard complaints.keepsEightD(state.type) else {
                throw .ruleViolation(
                    .complaintEightDTypes,
                    message: "complaint \(number) is a \(state.type.rawValue) complaint; 8D records are kept for "
                        + complaints.eightDTypes.map(\.rawValue).sorted().joined(separator: ", "),
                    details: ["type": state.type.rawValue])
            }
            let owner = owner.trimmingWhitespace()
            guard (1...64).contains(owner.count) else {
                throw .invalidField(field: "owner", reason: "must name the step's owner in 1 to 64 characters")
            }
            let today = policy.calendar.localDate(of: now)
            let on = on ?? today
            guard on <= today else {
                throw .invalidField(field: "on", reason: "must not be in the future")
            }
            return .eightDStepRecorded(
                ComplaintEightDStepRecorded(
                    number: number, step: step, owner: owner, on: on, text: try Self.text(text, field: "text"),
                    trackingUntil: step == .d8
                        ? Self.localDate(on, after: complaints.eightDTracking, policy: policy) : nil))
        case .recordOutcome(let responsibility, let share, let loss, let note):
            let percent: Int
            switch (responsibility, share) {
            case (_, .some(let given)): percent = given
            case (.ours, nil): percent = 100
            case (.customer, nil): percent = 0
            case (.thirdParty, nil):
                throw .invalidField(field: "ourSharePercent", reason: "is required when a third party is responsible")
            }
            guard (0...100).contains(percent) else {
                throw .invalidField(field: "ourSharePercent", reason: "must be from 0 to 100")
            }
            return .outcomeRecorded(
                ComplaintOutcomeRecorded(
                    number: number, responsibility: responsibility, ourSharePercent: percent, loss: loss,
                    note: try Self.note(note)))
        case .proposeCompensation(let kind, let amount, let note):
            if let pending = state.compensation, pending.isPending {
                throw .ruleViolation(
                    .complaintCompensationPending,
                    message: "complaint \(number) already has compensation of \(pending.amount) proposed by "
                        + "\(pending.proposedBy) waiting for a decision; decide it first",
                    details: ["complaint": number.rawValue])
            }
            guard amount > .zero else { throw .invalidField(field: "amount", reason: "must be more than 0") }
            return .compensationProposed(
                ComplaintCompensationProposed(
                    number: number, kind: kind, amount: amount,
                    ourShare: amount.share(percent: state.outcome?.ourSharePercent ?? 100),
                    authorityNeeded: complaints.authorityNeeded(for: amount), note: try Self.note(note)))
        case .decideCompensation(let approve, let note, let authority):
            guard let pending = state.compensation, pending.isPending else {
                throw .complaintMoveNotAllowed(state, .decideCompensation, allowed: [])
            }
            guard pending.proposedBy != actor.user else {
                throw .complaintFourEyes(number, proposer: pending.proposedBy, what: "proposed the compensation")
            }
            guard let authority, authority >= pending.authorityNeeded else {
                throw .ruleViolation(
                    .complaintCompensationAuthority,
                    message: "compensation of \(pending.amount) needs the \(pending.authorityNeeded.rawValue)'s "
                        + "authority; yours is \(authority?.rawValue ?? "none")",
                    details: [
                        "amount": pending.amount.description, "needed": pending.authorityNeeded.rawValue,
                        "authority": authority?.rawValue ?? "none",
                    ])
            }
            let note = try Self.note(note)
            if approve {
                return .compensationApproved(
                    ComplaintCompensationApproved(
                        number: number, proposedBy: pending.proposedBy, amount: pending.amount, authority: authority,
                        note: note))
            }
            return .compensationRefused(
                ComplaintCompensationRefused(
                    number: number, proposedBy: pending.proposedBy, amount: pending.amount, authority: authority,
                    note: note))
        }
    }

    /// A free-text note: anything up to 10000 characters.
    static func note(_ text: String) throws(DomainError) -> String {
        guard text.count <= 10_000 else {
            throw .invalidField(field: "note", reason: "must be at most 10000 characters")
        }
        return text
    }

    /// A text the step needs: 1 to 10000 characters after trimming.
    static func text(_ text: String, field: String) throws(DomainError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 10_000 else {
            throw .invalidField(field: field, reason: "must be 1 to 10000 characters")
        }
        return trimmed
    }

    /// The local day `duration` after the start of local day `day`.
    static func localDate(_ day: LocalDate, after duration: ServiceDuration, policy: Policy) -> LocalDate {
        let calendar = policy.calendar
        return calendar.localDate(
            of: calendar.deadline(from: calendar.instant(on: day, millisecondsOfDay: 0), after: duration))
    }
}
