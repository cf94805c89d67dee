import Foundation

/// Working days of the institution: weekends and configured holidays are off, configured
/// make-up days (调休) are worked even on a weekend; all in the institution's time zone.
public struct BusinessCalendar: Hashable, Sendable {
    public let timeZoneIdentifier: String
    /// ISO weekdays that are off: Monday 1 ... Sunday 7.
    public var weekendDays: Set<Int>
    public var holidays: Set<LocalDate>
    public var makeUpWorkingDays: Set<LocalDate>
    private let timeZone: TimeZone

    /// - Returns: `nil` when `timeZone` is not a known zone identifier.
    public init?(
        timeZone: String = "Asia/Shanghai", weekendDays: Set<Int> = [6, 7], holidays: Set<LocalDate> = [],
        makeUpWorkingDays: Set<LocalDate> = []
    ) {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        self.timeZoneIdentifier = timeZone
        self.timeZone = zone
        self.weekendDays = weekendDays
        self.holidays = holidays
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier && lhs.weekendDays == rhs.weekendDays
            && lhs.holidays == rhs.holidays && lhs.makeUpWorkingDays == rhs.makeUpWorkingDays
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.timeZoneIdentifier)
        hasher.combine(self.weekendDays)
        hasher.combine(self.holidays)
        hasher.combine(self.makeUpWorkingDays)
    }

    private static let millisecondsPerDay: Int64 = 86_400_000

    private func offsetMilliseconds(at instant: Timestamp) -> Int64 {
        Int64(self.timeZone.secondsFromGMT(for: instant.date)) * 1000
    }

    /// The local calendar day `instant` falls on.
    public func localDate(of instant: Timestamp) -> LocalDate {
        let local = instant.rawValue + self.offsetMilliseconds(at: instant)
        return LocalDate(daysSince1970: Int(Self.floorDivide(local, Self.millisecondsPerDay)))
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if self.makeUpWorkingDays.contains(date) { return true }
        if self.holidays.contains(date) { return false }
        return !self.weekendDays.contains(date.weekday)
    }

    /// The instant `duration` after `start`. Working days are counted from the day after
    /// `start`'s local day, and the deadline keeps `start`'s local time of day.
    public func deadline(from start: Timestamp, after duration: ServiceDuration) -> Timestamp {
        switch duration {
        case .minutes(let n): return start.adding(minutes: n)
        case .hours(let n): return start.adding(minutes: n * 60)
        case .days(let n): return start.adding(minutes: n * 1440)
        case .workingDays(let n):
            let offset = self.offsetMilliseconds(at: start)
            let local = start.rawValue + offset
            let startDay = Self.floorDivide(local, Self.millisecondsPerDay)
            let timeOfDay = local - startDay * Self.millisecondsPerDay
            var day = LocalDate(daysSince1970: Int(startDay))
            var counted = 0
            // A bounded walk: even a calendar with every day off ends after a year per working day asked.
            var steps = 0
            while counted < n, steps < n * 366 {
                day = day.adding(days: 1)
                steps += 1
                if self.isWorkingDay(day) { counted += 1 }
            }
            let localDeadline = Int64(day.daysSince1970) * Self.millisecondsPerDay + timeOfDay
            let guess = Timestamp(rawValue: localDeadline - offset)
            return Timestamp(rawValue: localDeadline - self.offsetMilliseconds(at: guess))
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
