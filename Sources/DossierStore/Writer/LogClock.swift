import DossierCore

/// The time the log records events at: the wall clock, but never earlier than the event
/// before (so that `recordedAt` grows with the sequence and an as-of fold, which stops at the
/// first event after its time, cannot stop early).
///
/// When the wall clock steps back (an NTP correction, an operator's `date`), log time holds at
/// the last recorded time until the wall clock catches up; each such step is counted, for
/// `system.status`, and its size kept.
public struct LogClock: Sendable, Hashable {
    /// The latest time given to an event so far.
    public private(set) var lastRecordedAt: Timestamp
    /// How often the wall clock was found behind the log.
    public private(set) var stepsBack: UInt64 = 0
    /// The largest distance, in milliseconds, the wall clock was found behind the log.
    public private(set) var largestStepBackMilliseconds: Int64 = 0
    /// Whether the wall clock is behind the log right now (log time is holding).
    public private(set) var isHolding = false

    public init(lastRecordedAt: Timestamp) {
        self.lastRecordedAt = lastRecordedAt
    }

    /// The time for the next batch of events, given the wall clock's reading.
    public mutating func next(wall: Timestamp) -> Timestamp {
        guard wall < self.lastRecordedAt else {
            self.isHolding = false
            self.lastRecordedAt = wall
            return wall
        }
        let behind = self.lastRecordedAt.rawValue - wall.rawValue
        if !self.isHolding { self.stepsBack += 1 }
        self.isHolding = true
        self.largestStepBackMilliseconds = max(self.largestStepBackMilliseconds, behind)
        return self.lastRecordedAt
    }
}
