import DossierCore
import Testing

@Suite("ServiceDuration")
struct ServiceDurationTests {
    @Test(arguments: [
        ("30m", ServiceDuration.minutes(30)),
        ("1m", .minutes(1)),
        ("4h", .hours(4)),
        ("24h", .hours(24)),
        ("15d", .days(15)),
        ("5wd", .workingDays(5)),
        ("10wd", .workingDays(10)),
    ])
    func parses(text: String, duration: ServiceDuration) {
        #expect(ServiceDuration(text) == duration)
        #expect(duration.description == text)
    }

    @Test(arguments: [
        "", "0h", "0m", "0d", "0wd", "-1h", "-5wd", "h", "m", "d", "wd", "5x", "5", "5 h", " 5h", "5h ", "5.5h", "5H",
        "5w", "5dw", "h5", "5hm", "99999999999999999999h",
    ])
    func rejects(text: String) {
        #expect(ServiceDuration(text) == nil)
    }

    @Test func codesAsItsConfigText() throws {
        let durations: [ServiceDuration] = [.minutes(30), .hours(4), .days(15), .workingDays(5)]
        let bytes = try DossierJSON.encode(durations)
        #expect(String(decoding: bytes, as: UTF8.self) == #"["30m","4h","15d","5wd"]"#)
        #expect(try DossierJSON.decode([ServiceDuration].self, from: bytes) == durations)
        #expect(throws: DecodingError.self) {
            try DossierJSON.decode([ServiceDuration].self, from: Array(#"["5x"]"#.utf8))
        }
    }
}
