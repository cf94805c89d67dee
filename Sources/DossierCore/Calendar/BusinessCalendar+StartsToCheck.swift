import Foundation

extension BusinessCalendar {
    /// Starts at which clocks of `durations` can end at different times relative to each
    /// other, for checks that must hold for every start (a level's response must not be due
    /// after its resolution).
    ///
    /// Clocks in minutes, hours and days end a fixed time after their start; working-day clocks
    /// end on a later day at the same local time, so how they compare with other clocks depends
    /// on the weekday, on holidays and make-up days, and on changes of the zone's UTC offset
    /// (daylight saving) on the way. The starts are every 30 minutes of three ordinary weeks
    /// (from Monday 2024-01-01), and around every holiday, make-up day and offset change of the
    /// years they fall in: from the earliest day whose clocks can reach that day to a week
    /// after it.
    public func startsToCheck(for durations: [ServiceDuration]) -> [Timestamp] {
        let day: Int64 = 86_400_000
        let step: Int64 = 30 * 60_000
        let ordinaryWeeks = Int64(LocalDate(year: 2024, month: 1, day: 1)!.daysSince1970) * day
        var windows: [Range<Int64>] = [ordinaryWeeks..<(ordinaryWeeks + 21 * day)]
        for special in self.specialDays(besides: ordinaryWeeks) {
            // Local days lie within 14 hours of the UTC day of the same date; a day's margin
            // covers every zone.
            let reached = Int64(special.daysSince1970) * day - day
            var first = reached
            // Deadlines never come earlier for a later start: walk back until none reaches.
            for _ in 0..<800 {
                let earlier = first - day
                let start = Timestamp(rawValue: earlier)
                let latest = durations.map { self.deadline(from: start, after: $0).rawValue }.max()
                guard let latest, latest >= reached else { break }
                first = earlier
            }
            windows.append((first - day)..<(reached + 9 * day))
        }
        var starts: [Timestamp] = []
        var covered = Int64.min
        for window in windows.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            var instant = max(window.lowerBound - (window.lowerBound % step + step) % step, covered)
            while instant < window.upperBound {
                starts.append(Timestamp(rawValue: instant))
                instant += step
            }
            covered = max(covered, instant)
        }
        return starts
    }

    /// Holidays, make-up days and the local days on which the zone's UTC offset changes, in
    /// the years of those days and of `instant`.
    private func specialDays(besides instant: Int64) -> Set<LocalDate> {
        var days = self.holidays.union(self.makeUpWorkingDays)
        guard let zone = TimeZone(identifier: self.timeZoneIdentifier) else { return days }
        let ordinaryYear = self.localDate(of: Timestamp(rawValue: instant)).components.year
        /// 00:00 UTC on 1 January.
        func newYear(_ year: Int) -> Date {
            Timestamp(rawValue: Int64(LocalDate(year: year, month: 1, day: 1)!.daysSince1970) * 86_400_000).date
        }
        for year in Set(days.map(\.components.year) + [ordinaryYear]) {
            let endDate = newYear(year + 1)
            var next = zone.nextDaylightSavingTimeTransition(after: newYear(year))
            while let transition = next, transition < endDate {
                days.insert(self.localDate(of: Timestamp(transition)))
                next = zone.nextDaylightSavingTimeTransition(after: transition)
            }
        }
        return days
    }
}
