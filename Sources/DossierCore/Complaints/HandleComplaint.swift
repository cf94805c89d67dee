/// One step of handling a complaint, with what the step needs.
public enum ComplaintStep: Hashable, Sendable {
    case acknowledge(note: String)
    case assign(to: String, note: String)
    case investigate(note: String)
    case temporaryMeasure(measure: String)
    case resolve(result: String, satisfaction: Satisfaction?)
    case revisit(satisfaction: Satisfaction, note: String)
    case close(note: String)
    case reject(rule: InvalidComplaintRule, note: String)
    case escalate(to: ComplaintLevel, reason: String)
    case requestExtension(reason: String, customerConsent: Bool, until: Timestamp)
    case decideExtension(grant: Bool, note: String)
    case withdraw(reason: String)
    case returnOutOfScope(reason: String)
    case pause(reason: String)
    case resume(note: String)
    /// `on`: the step's date; today when absent.
    case eightD(step: EightDStep, owner: String, on: LocalDate?, text: String)
    case recordOutcome(responsibility: Responsibility, ourSharePercent: Int?, loss: DecimalAmount?, note: String)
    case proposeCompensation(kind: CompensationKind, amount: DecimalAmount, note: String)
    /// `authority` is what the caller's role holds (`policy.complaints.compensation.authority`).
    case decideCompensation(approve: Bool, note: String, authority: CompensationAuthority?)

    /// The lifecycle action this step is.
    public var action: ComplaintAction {
        switch self {
        case .acknowledge: return .acknowledge
        case .assign: return .assign
        case .investigate: return .investigate
        case .temporaryMeasure: return .temporaryMeasure
        case .resolve: return .resolve
        case .revisit: return .revisit
        case .close: return .close
        case .reject: return .reject
        case .escalate: return .escalate
        case .requestExtension: return .requestExtension
        case .decideExtension: return .decideExtension
        case .withdraw: return .withdraw
        case .returnOutOfScope: return .return
        case .pause: return .pause
        case .resume: return .resume
        case .eightD: return .eightD
        case .recordOutcome: return .recordOutcome
        case .proposeCompensation: return .proposeCompensation
        case .decideCompensation: return .decideCompensation
        }
    }
}

/// Command: take one step on a complaint.
public struct HandleComplaint: Hashable, Sendable {
    public var number: ComplaintNumber
    public var step: ComplaintStep

    public init(number: ComplaintNumber, step: ComplaintStep) {
        self.number = number
        self.step = step
    }
}

extension HandleComplaint: DomainCommand {
    /// The first event of a step names the complaint and carries the step's own words.
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .complaint(let event) = first else { return false }
        switch (self.step, event) {
        case (.acknowledge(let note), .acknowledged(let e)): return e.number == self.number && e.note == note
        case (.assign(let to, let note), .handedOver(let e)):
            return e.number == self.number && e.to == to.trimmingWhitespace() && e.note == note
        case (.investigate(let note), .investigationStarted(let e)): return e.number == self.number && e.note == note
        case (.temporaryMeasure(let measure), .temporaryMeasureTaken(let e)):
            return e.number == self.number && e.measure == measure.trimmingWhitespace()
        case (.resolve(let result, let satisfaction), .resolved(let e)):
            return e.number == self.number && e.result == result.trimmingWhitespace() && e.satisfaction == satisfaction
        case (.revisit(let satisfaction, let note), .revisited(let e)):
            return e.number == self.number && e.satisfaction == satisfaction && e.note == note
        case (.close(let note), .closed(let e)): return e.number == self.number && e.note == note
        case (.reject(let rule, let note), .rejected(let e)):
            return e.number == self.number && e.rule == rule.rule.id && e.note == note.trimmingWhitespace()
                && !e.automatic
        case (.escalate(let to, let reason), .escalated(let e)):
            return e.number == self.number && e.to == to && e.reason == reason.trimmingWhitespace()
        case (.requestExtension(let reason, let consent, let until), .extensionRequested(let e)):
            return e.number == self.number && e.reason == reason.trimmingWhitespace() && e.customerConsent == consent
                && e.until == until
        case (.decideExtension(true, let note), .extensionGranted(let e)):
            return e.number == self.number && e.note == note
        case (.decideExtension(false, let note), .extensionRefused(let e)):
            return e.number == self.number && e.note == note
        case (.withdraw(let reason), .withdrawn(let e)): return e.number == self.number && e.reason == reason
        case (.returnOutOfScope(let reason), .returned(let e)):
            return e.number == self.number && e.reason == reason.trimmingWhitespace()
        case (.pause(let reason), .clockPaused(let e)): return e.number == self.number && e.reason == reason
        case (.resume(let note), .clockResumed(let e)): return e.number == self.number && e.note == note
        case (.eightD(let step, let owner, let on, let text), .eightDStepRecorded(let e)):
            return e.number == self.number && e.step == step && e.owner == owner.trimmingWhitespace()
                && (on == nil || e.on == on)
                && e.text == text
        case (.recordOutcome(let responsibility, let share, let loss, let note), .outcomeRecorded(let e)):
            return e.number == self.number && e.responsibility == responsibility
                && (share == nil || share == e.ourSharePercent) && e.loss == loss && e.note == note
        case (.proposeCompensation(let kind, let amount, let note), .compensationProposed(let e)):
            return e.number == self.number && e.kind == kind && e.amount == amount && e.note == note
        case (.decideCompensation(true, let note, _), .compensationApproved(let e)):
            return e.number == self.number && e.note == note
        case (.decideCompensation(false, let note, _), .compensationRefused(let e)):
            return e.number == self.number && e.note == note
        default: return false
        }
    }
}

/// Command: reopen a closed complaint as a new complaint linked to it both ways.
public struct ReopenComplaint: Hashable, Sendable {
    public var number: ComplaintNumber
    public var reason: String
    /// The new complaint's level; the original's when absent.
    public var level: ComplaintLevel?
    /// When the complainant came back; the recording time when absent.
    public var receivedAt: Timestamp?

    public init(number: ComplaintNumber, reason: String, level: ComplaintLevel? = nil, receivedAt: Timestamp? = nil) {
        self.number = number
        self.reason = reason
        self.level = level
        self.receivedAt = receivedAt
    }
}

extension ReopenComplaint: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .complaint(.filed(let filed)) = first else { return false }
        return filed.reopenedFrom == self.number && filed.description == self.reason.trimmingWhitespace()
            && (self.level == nil || self.level == filed.level)
            && (self.receivedAt == nil || self.receivedAt == filed.receivedAt)
    }
}
