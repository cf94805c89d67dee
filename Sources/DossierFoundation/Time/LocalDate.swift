/// A calendar day in the institution's time zone, e.g. `2024-03-01`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSince1970: Int

    public init(daysSince1970: Int) { self.daysSince1970 = daysSince1970 }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.daysSince1970 = CivilDate.toDays(year: year, month: month, day: day)
    }

    /// Parses `yyyy-MM-dd`.
    public init?(_ text: String) {
        // Read from the bytes: event payloads carry dates, and a replay reads millions.
        var text = text
        guard
            let (year, month, day) = text.withUTF8({ bytes -> (Int, Int, Int)? in
                guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
                func number(_ range: Range<Int>) -> Int? {
                    var value = 0
                    for index in range {
                        let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                        guard (0...9).contains(digit) else { return nil }
                        value = value * 10 + digit
                    }
                    return value
                }
                guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
                return (year, month, day)
            })
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.fromDays(self.daysSince1970) }

    /// ISO weekday: Monday 1 ... Sunday 7.
    public var weekday: Int { ((self.daysSince1970 % 7 + 7 + 3) % 7) + 1 }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSince1970: self.daysSince1970 + days) }

    /// `yyMMdd`, as used in complaint numbers.
    public var compactYearMonthDay: String {
        let (year, month, day) = self.components
        return Self.pad(year % 100) + Self.pad(month) + Self.pad(day)
    }

    public var description: String {
        let (year, month, day) = self.components
        return "\(year)-\(Self.pad(month))-\(Self.pad(day))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected yyyy-MM-dd, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
