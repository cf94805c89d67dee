/// Under which rule a complaint's deadlines were set: the service level's clocks and the
/// calendar's version. Every event that sets deadlines records it, so that an auditor can tell
/// which policy applied after a reload.
public struct DeadlineBasis: Hashable, Sendable, Codable {
    public var level: ComplaintLevel
    public var respondWithin: ServiceDuration
    public var resolveWithin: ServiceDuration
    public var temporaryMeasureWithin: ServiceDuration?
    public var closeWithin: ServiceDuration
    /// The share of a clock's time after which it counts as at risk, in percent.
    public var atRiskPercent: Int
    /// `BusinessCalendar.version` of the calendar the deadlines were counted on.
    public var calendar: String

    public init(
        level: ComplaintLevel, respondWithin: ServiceDuration, resolveWithin: ServiceDuration,
        temporaryMeasureWithin: ServiceDuration?, closeWithin: ServiceDuration, atRiskPercent: Int, calendar: String
    ) {
        self.level = level
        self.respondWithin = respondWithin
        self.resolveWithin = resolveWithin
        self.temporaryMeasureWithin = temporaryMeasureWithin
        self.closeWithin = closeWithin
        self.atRiskPercent = atRiskPercent
        self.calendar = calendar
    }
}

/// The deadlines of a complaint, counted from its receipt.
public struct ComplaintDeadlines: Hashable, Sendable, Codable {
    public var respondBy: Timestamp
    public var resolveBy: Timestamp
    /// Only for levels whose service level has a temporary-measure clock.
    public var temporaryMeasureBy: Timestamp?
    public var closeBy: Timestamp

    public init(respondBy: Timestamp, resolveBy: Timestamp, temporaryMeasureBy: Timestamp?, closeBy: Timestamp) {
        self.respondBy = respondBy
        self.resolveBy = resolveBy
        self.temporaryMeasureBy = temporaryMeasureBy
        self.closeBy = closeBy
    }

    /// Each deadline moved later by `milliseconds` of working time (a paused clock).
    public func moved(byWorkingTime milliseconds: Int64, on calendar: BusinessCalendar) -> ComplaintDeadlines {
        func move(_ deadline: Timestamp) -> Timestamp { calendar.addingWorkingTime(milliseconds, to: deadline) }
        return ComplaintDeadlines(
            respondBy: move(self.respondBy), resolveBy: move(self.resolveBy),
            temporaryMeasureBy: self.temporaryMeasureBy.map(move), closeBy: move(self.closeBy))
    }
}

extension Policy {
    /// The clocks that apply to a complaint of `level` under this policy.
    public func deadlineBasis(level: ComplaintLevel, foreign: Bool, eightD: Bool) -> DeadlineBasis {
        let complaints = self.complaints
        let serviceLevel = complaints.serviceLevel(for: level)
        return DeadlineBasis(
            level: level, respondWithin: serviceLevel.respondWithin, resolveWithin: serviceLevel.resolveWithin,
            temporaryMeasureWithin: serviceLevel.temporaryMeasureWithin,
            closeWithin: eightD
                ? complaints.closeEightD : (foreign ? complaints.closeForeign : complaints.closeDomestic),
            atRiskPercent: complaints.atRiskPercent, calendar: self.calendar.version)
    }

    /// The deadlines `basis` sets for a complaint received at `receivedAt`, on this calendar.
    public func deadlines(from receivedAt: Timestamp, basis: DeadlineBasis) -> ComplaintDeadlines {
        let calendar = self.calendar
        return ComplaintDeadlines(
            respondBy: calendar.deadline(from: receivedAt, after: basis.respondWithin),
            resolveBy: calendar.deadline(from: receivedAt, after: basis.resolveWithin),
            temporaryMeasureBy: basis.temporaryMeasureWithin.map { calendar.deadline(from: receivedAt, after: $0) },
            closeBy: calendar.deadline(from: receivedAt, after: basis.closeWithin))
    }
}
