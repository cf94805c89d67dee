import DossierCore
import Foundation

// The params of the steps that settle a complaint's outcome: the 8D report, responsibility
// and loss, and compensation proposed and decided.

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
