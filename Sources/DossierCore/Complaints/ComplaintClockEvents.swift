// Events that change a complaint's deadlines. Each records what set the new ones.

/// Event: the complaint was raised to a more urgent level; its deadlines were counted again
/// from receipt under that level's service level (`basis`), moved by any paused time.
public struct ComplaintEscalated: EventPayload {
    public static let typeName = "ComplaintEscalated"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var from: ComplaintLevel
    public var to: ComplaintLevel
    public var reason: String
    public var deadlines: ComplaintDeadlines
    public var basis: DeadlineBasis
}

/// Event: a handler asked for more time, with a reason and the customer's consent.
public struct ComplaintExtensionRequested: EventPayload {
    public static let typeName = "ComplaintExtensionRequested"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var reason: String
    public var customerConsent: Bool
    /// The resolution deadline asked for.
    public var until: Timestamp
    public var requestedBy: String
}

/// Event: an approver other than the requester granted the extension: the resolution is due
/// `resolveBy` (the date asked for, counted on calendar `calendar`).
public struct ComplaintExtensionGranted: EventPayload {
    public static let typeName = "ComplaintExtensionGranted"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var requestedBy: String
    public var resolveBy: Timestamp
    public var note: String
    public var calendar: String
}

/// Event: an approver refused the extension; the deadlines stay.
public struct ComplaintExtensionRefused: EventPayload {
    public static let typeName = "ComplaintExtensionRefused"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var requestedBy: String
    public var note: String
}

/// Event: the clock stopped while the complaint waits on the customer (documents, consent).
public struct ComplaintClockPaused: EventPayload {
    public static let typeName = "ComplaintClockPaused"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var reason: String
}

/// Event: the clock runs again; every deadline moved later by the paused working time.
public struct ComplaintClockResumed: EventPayload {
    public static let typeName = "ComplaintClockResumed"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var note: String
    public var pausedSince: Timestamp
    public var pausedWorkingMilliseconds: Int64
    public var deadlines: ComplaintDeadlines
    public var calendar: String
}
