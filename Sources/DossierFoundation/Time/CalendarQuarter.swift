/// A quarter of a calendar year, written `2026Q1`: the period of quarterly volumes and of
/// quarter-end balances.
public struct CalendarQuarter: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2026Q1` (`q` in lower case too).
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let year = Int(parts[0]),
            let number = Int(parts[1])
        else { return nil }
        self.init(year: year, number: number)
    }

    /// The quarter's first day.
    public var firstDay: LocalDate { LocalDate(year: self.year, month: (self.number - 1) * 3 + 1, day: 1)! }

    /// The quarter's last day (its quarter end).
    public var lastDay: LocalDate { self.firstDay.adding(months: 3).adding(days: -1) }

    /// The quarter before this one.
    public var previous: CalendarQuarter {
        self.number == 1
            ? CalendarQuarter(year: self.year - 1, number: 4) ?? self
            : CalendarQuarter(year: self.year, number: self.number - 1)!
    }

    public var description: String { "\(self.year)Q\(self.number)" }

    public static func < (lhs: CalendarQuarter, rhs: CalendarQuarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quarter = CalendarQuarter(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a quarter like \"2026Q1\", got \"\(text)\"")
        }
        self = quarter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
