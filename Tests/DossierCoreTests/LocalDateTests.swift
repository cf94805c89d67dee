import DossierCore
import Foundation
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, 1970, 1, 1),
        ("1969-12-31", -1, 1969, 12, 31),
        ("2024-03-01", 19_783, 2024, 3, 1),
        ("2024-02-29", 19_782, 2024, 2, 29),
        ("1900-01-01", -25_567, 1900, 1, 1),
        ("2200-01-01", 84_006, 2200, 1, 1),
    ])
    func parsesYearMonthDay(text: String, days: Int, year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(text))
        #expect(date.daysSince1970 == days)
        #expect(date.components == (year, month, day))
        #expect(date.description == text)
        #expect(LocalDate(year: year, month: month, day: day) == date)
    }

    @Test(arguments: [
        "", "2024-03", "2024-03-01-", "2024-3-01", "2024-03-1", "24-03-01", "20240301", "2024/03/01",
        "2024-03-01T00:00:00Z", " 2024-03-01", "2024-03-01 ", "2024-13-01", "2024-00-10", "2024-03-00", "2024-04-31",
        "2023-02-29", "1900-02-29", "abcd-ef-gh",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    /// `yyyy-MM-dd` has digits only; `Int("+024")` would accept a sign.
    @Test(arguments: ["+024-03-01", "2024-+3-01", "2024-03-+1"])
    func rejectsSignsInFields(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test(arguments: [(2024, 2, 30), (2023, 2, 29), (2024, 13, 1), (2024, 0, 1), (2024, 1, 0), (2024, 6, 31)])
    func memberwiseRejectsImpossibleDates(year: Int, month: Int, day: Int) {
        #expect(LocalDate(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        ("2024-03-01", 5),  // Friday
        ("2024-03-02", 6),
        ("2024-03-03", 7),
        ("2024-03-04", 1),  // Monday
        ("1970-01-01", 4),  // Thursday
        ("1969-12-31", 3),
        ("1969-12-28", 7),
        ("1900-01-01", 1),
        ("2000-02-29", 2),
        ("2199-12-31", 2),
    ])
    func weekdayIsISO(text: String, weekday: Int) throws {
        #expect(try localDay(text).weekday == weekday)
    }

    @Test func weekdayAgreesWithFoundationOverTwoCenturies() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -25_567, through: 84_006, by: 13) {
            let date = LocalDate(daysSince1970: days)
            let foundation = gregorian.component(.weekday, from: Date(timeIntervalSince1970: Double(days) * 86_400))
            // Foundation: Sunday 1 ... Saturday 7.
            let iso = foundation == 1 ? 7 : foundation - 1
            #expect(date.weekday == iso, "\(date)")
        }
    }

    @Test(arguments: [
        ("2024-03-01", "240301"),
        ("2009-01-05", "090105"),
        ("1999-12-31", "991231"),
        ("2000-01-01", "000101"),
        ("2100-12-31", "001231"),
        ("1969-07-20", "690720"),
    ])
    func compactYearMonthDay(text: String, compact: String) throws {
        #expect(try localDay(text).compactYearMonthDay == compact)
    }

    @Test(arguments: [
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2023-12-31", 1, "2024-01-01"),
        ("2024-01-01", -1, "2023-12-31"),
        ("2024-01-31", 30, "2024-03-01"),
        ("2024-03-01", 0, "2024-03-01"),
        ("2024-03-01", 366, "2025-03-02"),
        ("1970-01-01", -1, "1969-12-31"),
        ("1999-12-31", 1, "2000-01-01"),
        ("2100-02-28", 1, "2100-03-01"),
    ])
    func addingDaysCrossesMonthAndYearEnds(start: String, days: Int, end: String) throws {
        #expect(try localDay(start).adding(days: days) == localDay(end))
    }

    @Test func descriptionRoundTripsEveryDayOfTwoCenturies() {
        for days in -25_567..<84_006 {
            let date = LocalDate(daysSince1970: days)
            #expect(LocalDate(date.description) == date)
        }
    }

    @Test func ordersByDay() throws {
        #expect(try localDay("2023-12-31") < localDay("2024-01-01"))
        #expect(try !(localDay("2024-01-01") < localDay("2024-01-01")))
    }

    @Test func codesAsYearMonthDayString() throws {
        let bytes = try DossierJSON.encode([try localDay("2024-03-01")])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["2024-03-01"]"#)
        #expect(try DossierJSON.decode([LocalDate].self, from: bytes) == [localDay("2024-03-01")])
        #expect(throws: DecodingError.self) {
            try DossierJSON.decode([LocalDate].self, from: Array(#"["2024-02-30"]"#.utf8))
        }
    }
}
