// Events of a complaint's way from receipt to its end (`ComplaintLifecycle` says which may
// follow which). Each names its complaint; the actor on the event is who did it, and its
// occurredAt when.

/// Event: the complainant got a first response.
public struct ComplaintAcknowledged: EventPayload {
    public static let typeName = "ComplaintAcknowledged"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var note: String
}

/// Event: the owner handed the complaint over to another handler (the first receiver owns a
/// complaint until it is formally handed over).
public struct ComplaintHandedOver: EventPayload {
    public static let typeName = "ComplaintHandedOver"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var from: String
    public var to: String
    public var note: String
}

/// Event: the owner began investigating.
public struct ComplaintInvestigationStarted: EventPayload {
    public static let typeName = "ComplaintInvestigationStarted"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var note: String
}

/// Event: a temporary measure was put in place while the cause is being removed.
public struct ComplaintTemporaryMeasureTaken: EventPayload {
    public static let typeName = "ComplaintTemporaryMeasureTaken"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var measure: String
}

/// Event: the complainant was answered with a result; the revisit falls due `revisitWithin`
/// later (a deadline, so the rule and calendar are recorded).
public struct ComplaintResolved: EventPayload {
    public static let typeName = "ComplaintResolved"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var result: String
    /// As the customer said at the reply, if asked.
    public var satisfaction: Satisfaction?
    public var revisitBy: Timestamp
    public var revisitWithin: ServiceDuration
    public var calendar: String
}

/// Event: the follow-up call asked the customer's satisfaction.
public struct ComplaintRevisited: EventPayload {
    public static let typeName = "ComplaintRevisited"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var satisfaction: Satisfaction
    public var note: String
}

/// Event: the complaint was closed. It never changes afterwards; a reopen is a new complaint.
public struct ComplaintClosed: EventPayload {
    public static let typeName = "ComplaintClosed"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var note: String
}

/// Event: the complaint was found invalid under `rule` (`complaint.invalid_*`): by the data at
/// filing (`automatic`), or by a handler's judgement citing the rule.
public struct ComplaintRejected: EventPayload {
    public static let typeName = "ComplaintRejected"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var rule: String
    public var note: String
    public var automatic: Bool
    /// The facts and parameters the rule was applied with (e.g. `duplicateOf`, `lateAfter`).
    public var facts: [String: String]
}

/// Event: the customer withdrew the complaint.
public struct ComplaintWithdrawn: EventPayload {
    public static let typeName = "ComplaintWithdrawn"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var reason: String
}

/// Event: the complaint was returned as out of scope.
public struct ComplaintReturned: EventPayload {
    public static let typeName = "ComplaintReturned"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var reason: String
}

/// Event: a closed complaint was reopened as a new complaint, `reopenedAs`. The closed one
/// keeps its state; only the link is added.
public struct ComplaintReopened: EventPayload {
    public static let typeName = "ComplaintReopened"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var reopenedAs: ComplaintNumber
    public var reason: String
}
