extension LocalDate {
    /// The same day `months` months later (earlier when negative), on the month's last day
    /// when it is shorter: 2024-01-31 plus one month is 2024-02-29. A rating effective on
    /// 2024-02-29 is due for review on 2025-02-28.
    public func adding(months: Int) -> LocalDate {
        let (year, month, day) = self.components
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (Self.floorDivide(index, 12), Self.floorModulo(index, 12) + 1)
        let lastDay = CivilDate.daysIn(month: newMonth, year: newYear)
        return LocalDate(daysSince1970: CivilDate.toDays(year: newYear, month: newMonth, day: min(day, lastDay)))
    }

    /// The calendar quarter the day falls in.
    public var quarter: CalendarQuarter {
        let (year, month, _) = self.components
        return CalendarQuarter(year: year, number: (month - 1) / 3 + 1)!
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value - 1) / divisor) - 1
    }

    private static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        value - Self.floorDivide(value, divisor) * divisor
    }
}
