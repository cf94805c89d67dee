extension ComplaintPolicy {
    /// A level whose response would be due after its resolution for some start on `calendar`,
    /// with the first such start; nil when every level is answered no later than it is
    /// resolved, from any start.
    ///
    /// The deadlines compared are the ones `calendar` computes (working days skip weekends and
    /// holidays), never units converted into one another: three working days end within five
    /// days in an ordinary week, and after them when a holiday falls in between.
    public func levelRespondingAfterResolving(on calendar: BusinessCalendar)
        -> (level: ComplaintLevel, start: Timestamp)?
    {
        let levels = ComplaintLevel.allCases.map { ($0, self.serviceLevel(for: $0)) }
        // Clocks of minutes, hours and days keep the same distance from every start: one start
        // tells. Only working days, working hours and months need the calendar's starts.
        let calendarDependent = levels.filter {
            $0.1.respondWithin.isCalendarDependent || $0.1.resolveWithin.isCalendarDependent
        }
        let durations = calendarDependent.flatMap { [$0.1.respondWithin, $0.1.resolveWithin] }
        let someStart = Timestamp(rawValue: 0)
        let starts = durations.isEmpty ? [] : calendar.startsToCheck(for: durations)
        for (level, serviceLevel) in levels {
            let candidates = calendarDependent.contains { $0.0 == level } ? starts : [someStart]
            let late = candidates.first {
                calendar.deadline(from: $0, after: serviceLevel.respondWithin)
                    > calendar.deadline(from: $0, after: serviceLevel.resolveWithin)
            }
            if let late { return (level, late) }
        }
        return nil
    }
}
