extension BusinessCalendar {
    /// The working spans of `date` as instants; none on a day off.
    public func workingSpans(on date: LocalDate) -> [Range<Timestamp>] {
        guard self.isWorkingDay(date) else { return [] }
        return self.workingHours.spans.compactMap { span in
            let start = self.instant(on: date, millisecondsOfDay: Int64(span.start) * 60_000)
            let end = self.instant(on: date, millisecondsOfDay: Int64(span.end) * 60_000)
            // A span the zone shortens to nothing (a daylight-saving gap) is not worked.
            return start < end ? start..<end : nil
        }
    }

    /// Whether `instant` lies in working time: a working span of a working day, its end
    /// included (a clock that runs out at 17:30 ends in working time).
    public func isWorkingTime(_ instant: Timestamp) -> Bool {
        let day = self.localDate(of: instant)
        return self.workingSpans(on: day).contains { $0.lowerBound <= instant && instant <= $0.upperBound }
    }

    /// The instant after `milliseconds` of working time counted from `start`. Working time
    /// that begins outside working hours begins at the next working span; a positive amount
    /// always ends inside a span (or at its end).
    public func addingWorkingTime(_ milliseconds: Int64, to start: Timestamp) -> Timestamp {
        guard milliseconds > 0 else { return start }
        var remaining = milliseconds
        // A span never crosses local midnight, so the walk starts on the local day of `start`.
        var day = self.localDate(of: start)
        // Bounded: twenty years of days off in a row means a calendar without working time.
        for _ in 0..<(366 * 20) {
            for span in self.workingSpans(on: day) where span.upperBound > start {
                let begin = max(span.lowerBound, start)
                let available = span.upperBound.rawValue - begin.rawValue
                if remaining <= available { return begin.adding(milliseconds: remaining) }
                remaining -= available
            }
            day = day.adding(days: 1)
        }
        return start.adding(milliseconds: milliseconds)
    }

    /// The working time between `start` and `end`, in milliseconds (0 when `end` is not later).
    public func workingMilliseconds(from start: Timestamp, to end: Timestamp) -> Int64 {
        guard start < end else { return 0 }
        var total: Int64 = 0
        var day = self.localDate(of: start)
        let last = self.localDate(of: end)
        while day <= last {
            for span in self.workingSpans(on: day) {
                let begin = max(span.lowerBound, start)
                let finish = min(span.upperBound, end)
                if begin < finish { total += finish.rawValue - begin.rawValue }
            }
            day = day.adding(days: 1)
        }
        return total
    }
}
