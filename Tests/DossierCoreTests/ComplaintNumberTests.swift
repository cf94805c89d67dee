import DossierCore
import Testing

@Suite("ComplaintNumber")
struct ComplaintNumberTests {
    @Test(arguments: [
        ("HQ", "2024-11-24", 1, 3, "HQ241124001"),
        ("HQ", "2024-11-24", 42, 3, "HQ241124042"),
        ("HQ", "2024-11-24", 999, 3, "HQ241124999"),
        ("SH", "2009-01-05", 7, 5, "SH09010500007"),
        ("BJS", "2000-02-29", 3, 1, "BJS0002293"),
        ("HQ", "2024-11-24", 1000, 3, "HQ2411241000"),  // wider than the digits: not cut
    ])
    func formatsUnitDayAndPaddedRunningNumber(unit: String, date: String, running: Int, digits: Int, expected: String)
        throws
    {
        let number = ComplaintNumber(unit: unit, day: try localDay(date), running: running, digits: digits)
        #expect(number.rawValue == expected)
        #expect(number.description == expected)
    }

    @Test func prefixIsUnitAndCompactDay() throws {
        #expect(ComplaintNumber.prefix(unit: "HQ", day: try localDay("2024-11-24")) == "HQ241124")
    }

    @Test func runningNumberAfterPrefix() throws {
        let day = try localDay("2024-11-24")
        let prefix = ComplaintNumber.prefix(unit: "HQ", day: day)
        for running in [1, 9, 10, 99, 100, 999] {
            let number = ComplaintNumber(unit: "HQ", day: day, running: running, digits: 3)
            #expect(number.runningNumber(after: prefix) == running)
        }
        let number = ComplaintNumber(rawValue: "HQ241124042")
        #expect(number.runningNumber(after: "HQ241125") == nil)
        #expect(number.runningNumber(after: "SH241124") == nil)
        #expect(ComplaintNumber(rawValue: "HQ24112404x").runningNumber(after: "HQ241124") == nil)
        #expect(ComplaintNumber(rawValue: "HQ241124").runningNumber(after: "HQ241124") == nil)
    }

    @Test func numbersOfOneDaySortByRunningNumber() throws {
        let day = try localDay("2024-11-24")
        let numbers = (1...999).map { ComplaintNumber(unit: "HQ", day: day, running: $0, digits: 3) }
        #expect(numbers.sorted() == numbers)
        #expect(ComplaintNumber(rawValue: "HQ241124999") < ComplaintNumber(rawValue: "HQ241125001"))
    }

    @Test(arguments: ["HQ241124001", "a", "Z9", String(repeating: "A", count: 40)])
    func parseAcceptsLettersAndDigits(text: String) throws {
        #expect(try ComplaintNumber.parse(text).rawValue == text)
    }

    @Test(arguments: ["", String(repeating: "A", count: 41), "HQ 241124001", "HQ/241124001", "HQ241124001\n", "投诉001", "HQ#1"])
    func parseRejects(text: String) {
        let error = #expect(throws: DomainError.self) { try ComplaintNumber.parse(text) }
        guard case .invalidField(let field, _) = error else {
            Issue.record("expected an invalid field, got \(String(describing: error))")
            return
        }
        #expect(field == "number")
    }

    @Test func codesAsAPlainString() throws {
        let bytes = try DossierJSON.encode([ComplaintNumber(rawValue: "HQ241124001")])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["HQ241124001"]"#)
        #expect(try DossierJSON.decode([ComplaintNumber].self, from: bytes) == [ComplaintNumber(rawValue: "HQ241124001")])
    }
}
