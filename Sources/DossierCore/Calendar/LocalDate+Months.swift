extension LocalDate {
    /// The same day of the month `months` later (earlier when negative); the month's last day
    /// when it is shorter (31 January + 1 month = 29 February in a leap year).
    public func addingCalendarMonths(_ months: Int) -> LocalDate {
        let (year, month, day) = self.components
        let index = year * 12 + (month - 1) + months
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        for candidate in stride(from: day, through: min(day, 28), by: -1) {
            if let date = LocalDate(year: targetYear, month: targetMonth, day: candidate) { return date }
        }
        return LocalDate(year: targetYear, month: targetMonth, day: 28)!
    }
}
