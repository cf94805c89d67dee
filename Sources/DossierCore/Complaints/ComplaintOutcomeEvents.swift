// Events of a complaint's outcome: responsibility, loss and compensation under four eyes.

/// Event: who was responsible, with our share of the responsibility, and the loss.
public struct ComplaintOutcomeRecorded: EventPayload {
    public static let typeName = "ComplaintOutcomeRecorded"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var responsibility: Responsibility
    /// Our share of the responsibility, 0 to 100: it splits the cost of compensation.
    public var ourSharePercent: Int
    public var loss: DecimalAmount?
    public var note: String
}

/// Event: compensation was proposed; it waits for an approver with `authorityNeeded` who is
/// not the proposer (the event's actor).
public struct ComplaintCompensationProposed: EventPayload {
    public static let typeName = "ComplaintCompensationProposed"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var kind: CompensationKind
    public var amount: DecimalAmount
    /// Our part of the cost, by the recorded responsibility share (all of it when none).
    public var ourShare: DecimalAmount
    public var authorityNeeded: CompensationAuthority
    public var note: String
}

/// Event: the pending compensation was approved by someone other than its proposer, with the
/// authority the amount needs.
public struct ComplaintCompensationApproved: EventPayload {
    public static let typeName = "ComplaintCompensationApproved"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var proposedBy: String
    public var amount: DecimalAmount
    public var authority: CompensationAuthority
    public var note: String
}

/// Event: the pending compensation was refused by someone other than its proposer.
public struct ComplaintCompensationRefused: EventPayload {
    public static let typeName = "ComplaintCompensationRefused"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var proposedBy: String
    public var amount: DecimalAmount
    public var authority: CompensationAuthority
    public var note: String
}

/// Event: one step of the 8D record of a quality complaint, with its owner and date. D8
/// starts the tracking period, which ends on `trackingUntil`.
public struct ComplaintEightDStepRecorded: EventPayload {
    public static let typeName = "ComplaintEightDStepRecorded"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var step: EightDStep
    public var owner: String
    public var on: LocalDate
    public var text: String
    public var trackingUntil: LocalDate?
}
