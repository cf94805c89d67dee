/// A complaint as the log says it is now.
public struct ComplaintState: Hashable, Sendable, Codable {
    public var number: ComplaintNumber
    /// nil for an anonymous complaint that names no registered customer.
    public var customer: CustomerID?
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var scope: ComplaintScope
    public var subject: String
    public var description: String
    public var anonymous: Bool
    public var indirect: Bool
    public var foreign: Bool
    public var unit: String
    public var externalId: String?
    public var claim: DecimalAmount?
    public var status: ComplaintStatus
    public var owner: String
    public var receivedAt: Timestamp
    public var incidentAt: Timestamp?

    // Deadlines, and the rule that set them.
    public var respondBy: Timestamp
    public var resolveBy: Timestamp
    public var temporaryMeasureBy: Timestamp?
    public var closeBy: Timestamp?
    public var revisitBy: Timestamp?
    public var basis: DeadlineBasis?

    // When each step happened.
    public var respondedAt: Timestamp?
    public var temporaryMeasureAt: Timestamp?
    public var resolvedAt: Timestamp?
    public var revisitedAt: Timestamp?
    public var endedAt: Timestamp?

    public var result: String?
    public var replySatisfaction: Satisfaction?
    public var revisitSatisfaction: Satisfaction?
    public var handovers: Int = 0
    public var escalations: Int = 0
    /// The clock is paused since then (waiting on the customer).
    public var pausedSince: Timestamp?
    public var pausedWorkingMilliseconds: Int64 = 0
    public var extensionRequest: ExtensionRequest?
    public var extendedUntil: Timestamp?
    /// The rule a rejection cited (`complaint.invalid_*`).
    public var rejectedUnder: String?
    /// Why it ended otherwise than closed: the rejection's note, the withdrawal's or return's reason.
    public var endReason: String?
    public var reopenedFrom: ComplaintNumber?
    public var reopenedAs: ComplaintNumber?
    /// The group incident it belongs to.
    public var incident: String?
    public var eightD: [EightDEntry] = []
    public var eightDTrackingUntil: LocalDate?
    public var outcome: ComplaintOutcome?
    public var compensation: Compensation?

    public var filedBy: Actor
    public var version: UInt64

    /// Whether the clock is stopped.
    public var isPaused: Bool { self.pausedSince != nil }

    /// The steps of the 8D record recorded so far.
    public var eightDSteps: Set<EightDStep> { Set(self.eightD.map(\.step)) }

    /// Its deadlines as one value.
    public var deadlines: ComplaintDeadlines {
        ComplaintDeadlines(
            respondBy: self.respondBy, resolveBy: self.resolveBy, temporaryMeasureBy: self.temporaryMeasureBy,
            closeBy: self.closeBy ?? self.resolveBy)
    }

    mutating func setDeadlines(_ deadlines: ComplaintDeadlines) {
        self.respondBy = deadlines.respondBy
        self.resolveBy = deadlines.resolveBy
        self.temporaryMeasureBy = deadlines.temporaryMeasureBy
        self.closeBy = deadlines.closeBy
    }
}
