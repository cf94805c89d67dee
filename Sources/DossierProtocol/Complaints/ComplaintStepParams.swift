import DossierCore
import Foundation

// The params of each handling step of a complaint: one type per method, its required fields
// non-optional, and the step it asks for.

/// The params every handling step shares, and the step they ask for.
public protocol ComplaintStepParams: Codable, Hashable, Sendable {
    var number: String { get }
    var expectedVersion: ExpectedVersion? { get set }
    var requestId: UUID? { get set }
    /// The step; `authority` is what the caller's role holds for compensation decisions.
    func step(authority: CompensationAuthority?) -> ComplaintStep
}

/// `complaint.acknowledge`.
public struct AcknowledgeComplaintParams: ComplaintStepParams {
    public var number: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .acknowledge(note: self.note ?? "")
    }
}

/// `complaint.assign`.
public struct AssignComplaintParams: ComplaintStepParams {
    public var number: String
    public var to: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, to: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.to = to
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .assign(to: self.to, note: self.note ?? "")
    }
}

/// `complaint.investigate`.
public struct InvestigateComplaintParams: ComplaintStepParams {
    public var number: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .investigate(note: self.note ?? "")
    }
}

/// `complaint.temporary-measure`.
public struct TemporaryMeasureComplaintParams: ComplaintStepParams {
    public var number: String
    public var measure: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, measure: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.measure = measure
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .temporaryMeasure(measure: self.measure)
    }
}

/// `complaint.resolve`.
public struct ResolveComplaintParams: ComplaintStepParams {
    public var number: String
    public var result: String
    public var satisfaction: Satisfaction?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, result: String, satisfaction: Satisfaction? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.result = result
        self.satisfaction = satisfaction
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .resolve(result: self.result, satisfaction: self.satisfaction)
    }
}

/// `complaint.revisit`.
public struct RevisitComplaintParams: ComplaintStepParams {
    public var number: String
    public var satisfaction: Satisfaction
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, satisfaction: Satisfaction, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.satisfaction = satisfaction
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .revisit(satisfaction: self.satisfaction, note: self.note ?? "")
    }
}

/// `complaint.close`.
public struct CloseComplaintParams: ComplaintStepParams {
    public var number: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .close(note: self.note ?? "")
    }
}

/// `complaint.reject`.
public struct RejectComplaintParams: ComplaintStepParams {
    public var number: String
    public var rule: InvalidComplaintRule
    public var note: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, rule: InvalidComplaintRule, note: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.rule = rule
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .reject(rule: self.rule, note: self.note)
    }
}

/// `complaint.escalate`.
public struct EscalateComplaintParams: ComplaintStepParams {
    public var number: String
    public var level: ComplaintLevel
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, level: ComplaintLevel, reason: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.level = level
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .escalate(to: self.level, reason: self.reason)
    }
}

/// `complaint.request-extension`.
public struct RequestExtensionComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String
    public var customerConsent: Bool
    public var until: Timestamp
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, reason: String, customerConsent: Bool, until: Timestamp,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.reason = reason
        self.customerConsent = customerConsent
        self.until = until
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .requestExtension(reason: self.reason, customerConsent: self.customerConsent, until: self.until)
    }
}

/// `complaint.decide-extension`.
public struct DecideExtensionComplaintParams: ComplaintStepParams {
    public var number: String
    public var grant: Bool
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, grant: Bool, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.grant = grant
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .decideExtension(grant: self.grant, note: self.note ?? "")
    }
}

/// `complaint.withdraw`.
public struct WithdrawComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, reason: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil)
    {
        self.number = number
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .withdraw(reason: self.reason ?? "")
    }
}

/// `complaint.return`.
public struct ReturnComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, reason: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .returnOutOfScope(reason: self.reason)
    }
}

/// `complaint.pause`.
public struct PauseComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, reason: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .pause(reason: self.reason)
    }
}

/// `complaint.resume`.
public struct ResumeComplaintParams: ComplaintStepParams {
    public var number: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .resume(note: self.note ?? "")
    }
}

/// `complaint.eight-d`.
public struct EightDComplaintParams: ComplaintStepParams {
    public var number: String
    public var step: EightDStep
    public var owner: String
    public var on: LocalDate?
    public var text: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, step: EightDStep, owner: String, on: LocalDate? = nil, text: String,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.step = step
        self.owner = owner
        self.on = on
        self.text = text
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .eightD(step: self.step, owner: self.owner, on: self.on, text: self.text)
    }
}

/// `complaint.record-outcome`.
public struct RecordOutcomeComplaintParams: ComplaintStepParams {
    public var number: String
    public var responsibility: Responsibility
    public var ourSharePercent: Int?
    public var loss: DecimalAmount?
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, responsibility: Responsibility, ourSharePercent: Int? = nil, loss: DecimalAmount? = nil,
        note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.responsibility = responsibility
        self.ourSharePercent = ourSharePercent
        self.loss = loss
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .recordOutcome(
            responsibility: self.responsibility, ourSharePercent: self.ourSharePercent, loss: self.loss,
            note: self.note ?? "")
    }
}

/// `complaint.propose-compensation`.
public struct ProposeCompensationComplaintParams: ComplaintStepParams {
    public var number: String
    public var kind: CompensationKind
    public var amount: DecimalAmount
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, kind: CompensationKind, amount: DecimalAmount, note: String? = nil,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.kind = kind
        self.amount = amount
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .proposeCompensation(kind: self.kind, amount: self.amount, note: self.note ?? "")
    }
}

/// `complaint.decide-compensation`.
public struct DecideCompensationComplaintParams: ComplaintStepParams {
    public var number: String
    public var approve: Bool
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, approve: Bool, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.approve = approve
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .decideCompensation(approve: self.approve, note: self.note ?? "", authority: authority)
    }
}
