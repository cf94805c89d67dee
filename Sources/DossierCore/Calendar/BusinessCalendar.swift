import Foundation

/// Working days and hours of the institution: weekends and configured holidays are off,
/// configured make-up days (调休) are worked even on a weekend, and a working day is worked
/// in its `workingHours`; all in the institution's time zone.
public struct BusinessCalendar: Hashable, Sendable {
    public let timeZoneIdentifier: String
    /// ISO weekdays that are off: Monday 1 ... Sunday 7.
    public var weekendDays: Set<Int>
    public var holidays: Set<LocalDate>
    public var makeUpWorkingDays: Set<LocalDate>
    /// The spans of a working day that working-hour clocks (`wh`) count.
    public var workingHours: WorkingHours
    private let timeZone: TimeZone

    /// - Returns: `nil` when `timeZone` is not a known zone identifier.
    public init?(
        timeZone: String = "Asia/Shanghai", weekendDays: Set<Int> = [6, 7], holidays: Set<LocalDate> = [],
        makeUpWorkingDays: Set<LocalDate> = [], workingHours: WorkingHours = .standard
    ) {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        self.timeZoneIdentifier = timeZone
        self.timeZone = zone
        self.weekendDays = weekendDays
        self.holidays = holidays
        self.makeUpWorkingDays = makeUpWorkingDays
        self.workingHours = workingHours
    }

    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier && lhs.weekendDays == rhs.weekendDays
            && lhs.holidays == rhs.holidays && lhs.makeUpWorkingDays == rhs.makeUpWorkingDays
            && lhs.workingHours == rhs.workingHours
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.timeZoneIdentifier)
        hasher.combine(self.weekendDays)
        hasher.combine(self.holidays)
        hasher.combine(self.makeUpWorkingDays)
        hasher.combine(self.workingHours)
    }

    static let millisecondsPerDay: Int64 = 86_400_000

    func offsetMilliseconds(at instant: Timestamp) -> Int64 {
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

    /// The instant of local time `millisecondsOfDay` after midnight on `date`. A local time the
    /// zone skips (a daylight-saving gap) maps to the instant the same distance after the gap.
    public func instant(on date: LocalDate, millisecondsOfDay: Int64) -> Timestamp {
        let local = Int64(date.daysSince1970) * Self.millisecondsPerDay + millisecondsOfDay
        let guess = Timestamp(rawValue: local - self.offsetMilliseconds(at: Timestamp(rawValue: local)))
        return Timestamp(rawValue: local - self.offsetMilliseconds(at: guess))
    }

    /// The instant `duration` after `start`.
    ///
    /// Minutes, hours and days run around the clock. Working days are counted from the day
    /// after `start`'s local day, and the deadline keeps `start`'s local time of day. Months
    /// end on the same day of the month (or the month's last) at the same local time. Working
    /// hours count only the working spans of working days.
    public func deadline(from start: Timestamp, after duration: ServiceDuration) -> Timestamp {
        switch duration {
        case .minutes(let n): return start.adding(minutes: n)
        case .hours(let n): return start.adding(minutes: n * 60)
        case .days(let n): return start.adding(minutes: n * 1440)
        case .workingHours(let n): return self.addingWorkingTime(Int64(n) * 3_600_000, to: start)
        case .months(let n):
            let (day, timeOfDay) = self.localDayAndTime(of: start)
            return self.instant(on: day.addingCalendarMonths(n), millisecondsOfDay: timeOfDay)
        case .workingDays(let n):
            let (startDay, timeOfDay) = self.localDayAndTime(of: start)
            var day = startDay
            var counted = 0
            // A bounded walk: even a calendar with every day off ends after a year per working day asked.
            var steps = 0
            while counted < n, steps < n * 366 {
                day = day.adding(days: 1)
                steps += 1
                if self.isWorkingDay(day) { counted += 1 }
            }
            return self.instant(on: day, millisecondsOfDay: timeOfDay)
        }
    }

    /// The local day of `instant` and its local time of day in milliseconds.
    func localDayAndTime(of instant: Timestamp) -> (day: LocalDate, millisecondsOfDay: Int64) {
        let local = instant.rawValue + self.offsetMilliseconds(at: instant)
        let day = Self.floorDivide(local, Self.millisecondsPerDay)
        return (LocalDate(daysSince1970: Int(day)), local - day * Self.millisecondsPerDay)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
