import DossierCore
import Testing

@Suite("ExactDecimal: amounts and ratios without floating point")
struct ExactDecimalTests {
    @Test(arguments: [
        ("0", "0"), ("12.50", "12.5"), ("-0.015", "-0.015"), ("100", "100"), ("0.1500", "0.15"),
        ("922337203685477.5807", "922337203685477.5807"),
    ])
    func parsesAndPrintsTheShortestExactForm(text: String, printed: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.description == printed)
        #expect(ExactDecimal(value.description) == value)
    }

    @Test(arguments: [
        "", "-", ".5", "1.", "1.23456", "1e3", "1,000", " 1", "+1", "0x10", "922337203685477.5808", "--1",
    ])
    func refusesWhatIsNotAnExactDecimal(text: String) {
        #expect(ExactDecimal(text) == nil, "\(text)")
    }

    @Test func theDecimalsFloatingPointCannotHoldAreExact() throws {
        let tenth = try #require(ExactDecimal("0.1"))
        var sum = ExactDecimal.zero
        for _ in 0..<10 { sum += tenth }
        #expect(sum == ExactDecimal(1))
        #expect(
            try #require(ExactDecimal("0.15")).multiplied(by: ExactDecimal(400_000_000)) == ExactDecimal(60_000_000))
    }

    @Test func productsAndQuotientsRoundTowardZeroAndSaturate() throws {
        let third = try #require(ExactDecimal(1).divided(by: ExactDecimal(3)))
        #expect(third.description == "0.3333")
        #expect(try #require(ExactDecimal(-1).divided(by: ExactDecimal(3))).description == "-0.3333")
        #expect(ExactDecimal(1).divided(by: .zero) == nil)
        // 3.5 trillion (a big bank's net capital) times 0.15 needs 128 bits on the way.
        #expect(
            ExactDecimal(3_500_000_000_000).multiplied(by: try #require(ExactDecimal("0.15")))
                == ExactDecimal(525_000_000_000))
        let huge = ExactDecimal(tenThousandths: .max)
        #expect(huge + ExactDecimal(1) == huge)
        #expect(huge.multiplied(by: ExactDecimal(2)) == huge)
        #expect((-huge) - ExactDecimal(2) == ExactDecimal(tenThousandths: .min))
    }

    @Test func formattedGivesFixedPlaces() throws {
        #expect(try #require(ExactDecimal("12.5")).formatted(fractionDigits: 2) == "12.50")
        #expect(ExactDecimal(50_000_000).formatted(fractionDigits: 2) == "50000000.00")
        #expect(try #require(ExactDecimal("-0.0001")).formatted(fractionDigits: 2) == "0.00")
        #expect(try #require(ExactDecimal("12.34")).significantFractionDigits == 2)
        #expect(ExactDecimal(7).significantFractionDigits == 0)
    }

    @Test func onTheWireItIsAString() throws {
        let bytes = try DossierJSON.encode([try #require(ExactDecimal("5000000.00"))])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["5000000"]"#)
        #expect(
            try DossierJSON.decode([ExactDecimal].self, from: Array(#"["0.15"]"#.utf8)) == [
                try #require(ExactDecimal("0.15"))
            ])
        #expect(throws: (any Error).self) { try DossierJSON.decode([ExactDecimal].self, from: Array("[0.15]".utf8)) }
    }

    @Test func monthsAndQuartersOfTheCalendar() throws {
        #expect(try localDay("2024-01-31").adding(months: 1) == (try localDay("2024-02-29")))
        #expect(try localDay("2024-02-29").adding(months: 12) == (try localDay("2025-02-28")))
        #expect(try localDay("2026-03-15").adding(months: -3) == (try localDay("2025-12-15")))
        let quarter = try #require(CalendarQuarter("2026q1"))
        #expect(try quarter.description == "2026Q1" && quarter.lastDay == localDay("2026-03-31"))
        #expect(quarter.previous == CalendarQuarter("2025Q4"))
        #expect(try localDay("2026-08-01").quarter == CalendarQuarter("2026Q3"))
        #expect(CalendarQuarter("2026Q5") == nil && CalendarQuarter("26Q1") == nil)
    }
}
