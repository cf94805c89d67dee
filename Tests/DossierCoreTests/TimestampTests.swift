import DossierCore
import Foundation
import Testing

@Suite("Timestamp")
struct TimestampTests {
    // MARK: - Parsing

    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0),
        ("1970-01-01T00:00:00.001Z", 1),
        ("2024-03-01T00:00:00Z", 1_709_251_200_000),
        ("2024-03-01T08:30:00Z", 1_709_281_800_000),
        ("2024-03-01T08:30:00.123Z", 1_709_281_800_123),
        ("2024-02-29T23:59:59.999Z", 1_709_251_199_999),
        ("1900-01-01T00:00:00Z", -2_208_988_800_000),
        ("2200-01-01T00:00:00Z", 7_258_118_400_000),
    ] as [(String, Int64)])
    func parsesUTC(text: String, milliseconds: Int64) {
        #expect(Timestamp(iso8601: text)?.millisecondsSince1970 == milliseconds)
    }

    @Test(arguments: [
        ("2024-03-01T16:30:00+08:00", "2024-03-01T08:30:00Z"),
        ("2024-03-02T00:00:00+08:00", "2024-03-01T16:00:00Z"),
        ("2024-03-01T03:30:00-05:00", "2024-03-01T08:30:00Z"),
        ("2024-03-01T14:00:00+05:30", "2024-03-01T08:30:00Z"),
        ("2024-03-01T08:30:00+00:00", "2024-03-01T08:30:00Z"),
        ("2024-03-01T08:30:00-00:00", "2024-03-01T08:30:00Z"),
        ("2024-01-01T02:00:00+08:00", "2023-12-31T18:00:00Z"),
        ("1970-01-01T07:59:59.999+08:00", "1969-12-31T23:59:59.999Z"),
    ])
    func offsetsShiftToUTC(local: String, utc: String) throws {
        #expect(try instant(local) == instant(utc))
    }

    @Test(arguments: [
        ("2024-03-01T08:30:00.5Z", "2024-03-01T08:30:00.500Z"),
        ("2024-03-01T08:30:00.05Z", "2024-03-01T08:30:00.050Z"),
        ("2024-03-01T08:30:00.12Z", "2024-03-01T08:30:00.120Z"),
        ("2024-03-01T08:30:00.123Z", "2024-03-01T08:30:00.123Z"),
        ("2024-03-01T08:30:00.1239Z", "2024-03-01T08:30:00.123Z"),
        ("2024-03-01T08:30:00.123999999Z", "2024-03-01T08:30:00.123Z"),
        ("2024-03-01T08:30:00.000Z", "2024-03-01T08:30:00.000Z"),
        ("2024-03-01T16:30:00.9+08:00", "2024-03-01T08:30:00.900Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500Z"),
    ])
    func fractionalSecondsAreTruncatedToMilliseconds(text: String, utc: String) throws {
        #expect(Timestamp(iso8601: text)?.iso8601 == utc)
    }

    @Test(arguments: ["2024-03-01t08:30:00z", "2024-03-01 08:30:00Z", "2024-03-01T08:30:00z"])
    func acceptsRFC3339Variants(text: String) throws {
        #expect(Timestamp(iso8601: text) == (try instant("2024-03-01T08:30:00Z")))
    }

    @Test func leapSecondIsReadAsTheLastSecondOfTheMinute() throws {
        #expect(try instant("2016-12-31T23:59:60Z") == instant("2016-12-31T23:59:59Z"))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "1904-02-29", "2196-02-29"])
    func acceptsFebruary29InLeapYears(date: String) {
        #expect(Timestamp(iso8601: date + "T12:00:00Z") != nil)
    }

    @Test(arguments: [
        "",
        "2024-03-01",
        "2024-03-01T08:30:00",  // no zone
        "2024-03-01T08:30Z",  // no seconds
        "2024-03-01T08:30:00Zjunk",  // trailing garbage
        "2024-03-01T08:30:00Z ",
        "2024-03-01T08:30:00+08:00x",
        " 2024-03-01T08:30:00Z",
        "2024-13-01T08:30:00Z",  // month
        "2024-00-01T08:30:00Z",
        "2024-03-00T08:30:00Z",  // day
        "2024-03-32T08:30:00Z",
        "2024-04-31T08:30:00Z",
        "2024-02-30T08:30:00Z",
        "2023-02-29T08:30:00Z",  // not a leap year
        "1900-02-29T08:30:00Z",  // divisible by 100
        "2100-02-29T08:30:00Z",
        "2024-03-01T24:00:00Z",  // hour
        "2024-03-01T08:60:00Z",  // minute
        "2024-03-01T08:30:61Z",  // second
        "2024-03-01T08:30:00.Z",  // empty fraction
        "2024-03-01T08:30:00+0800",  // offset without colon
        "2024-03-01T08:30:00+08",
        "2024-03-01T08:30:00 +08:00",
        "24-03-01T08:30:00Z",
        "2024-3-01T08:30:00Z",
        "2024-03-1T08:30:00Z",
        "2024/03/01T08:30:00Z",
        "2024-03-01X08:30:00Z",
        "+2024-03-01T08:30:00Z",
        "２０２４-03-01T08:30:00Z",  // full-width digits
        "2024-03-01T08:30:00.123",
    ])
    func rejectsInvalidInput(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    /// RFC 3339 `time-numoffset` allows hours 00-23 and minutes 00-59 only.
    @Test(arguments: ["2024-03-01T08:30:00+24:00", "2024-03-01T08:30:00+08:60", "2024-03-01T08:30:00-99:99"])
    func rejectsOffsetsOutOfRange(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    // MARK: - Formatting

    @Test(arguments: [
        (0, "1970-01-01T00:00:00.000Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-1000, "1969-12-31T23:59:59.000Z"),
        (-1001, "1969-12-31T23:59:58.999Z"),
        (-86_400_000, "1969-12-31T00:00:00.000Z"),
        (1_709_281_800_123, "2024-03-01T08:30:00.123Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (7_258_118_399_999, "2199-12-31T23:59:59.999Z"),
    ] as [(Int64, String)])
    func formatsUTCWithMilliseconds(milliseconds: Int64, text: String) {
        let timestamp = Timestamp(millisecondsSince1970: milliseconds)
        #expect(timestamp.iso8601 == text)
        #expect(timestamp.description == text)
    }

    @Test func roundTripsManyRandomValues() throws {
        var generator = SplitMix64(seed: 0x5EED_0001)
        let utc = TimeZone(identifier: "UTC")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        for index in 0..<10_000 {
            let milliseconds = Int64.random(in: millisecondsAt1900..<millisecondsAt2200, using: &generator)
            let timestamp = Timestamp(millisecondsSince1970: milliseconds)
            let text = timestamp.iso8601
            #expect(Timestamp(iso8601: text) == timestamp, "\(milliseconds) -> \(text)")
            #expect(text.utf8.count == 24, "\(text)")

            // Oracle for the calendar fields: Foundation's Gregorian calendar on whole seconds.
            if index % 10 == 0 {
                let wholeSeconds = (milliseconds - ((milliseconds % 1000) + 1000) % 1000) / 1000
                let fields = gregorian.dateComponents(
                    [.year, .month, .day, .hour, .minute, .second],
                    from: Date(timeIntervalSince1970: TimeInterval(wholeSeconds))
                )
                let expected = String(
                    format: "%04d-%02d-%02dT%02d:%02d:%02d", fields.year!, fields.month!, fields.day!, fields.hour!,
                    fields.minute!, fields.second!)
                #expect(text.hasPrefix(expected), "\(milliseconds): \(text) vs \(expected)")
            }
        }
    }

    @Test func parsesTheSameInstantWrittenInAnyOffset() throws {
        var generator = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: millisecondsAt1900..<millisecondsAt2200, using: &generator)
            // Offsets from -12:00 to +14:00 in quarter hours.
            let offsetMinutes = Int.random(in: -48...56, using: &generator) * 15
            let local = Timestamp(millisecondsSince1970: milliseconds + Int64(offsetMinutes) * 60_000).iso8601
            let sign = offsetMinutes < 0 ? "-" : "+"
            let magnitude = abs(offsetMinutes)
            let offset = sign + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
            let text = String(local.dropLast()) + offset
            #expect(Timestamp(iso8601: text)?.millisecondsSince1970 == milliseconds, "\(text)")
        }
    }

    // MARK: - Arithmetic, order and Date

    @Test func addsMinutesAndMilliseconds() throws {
        let start = try instant("2024-03-01T23:50:00Z")
        #expect(start.adding(minutes: 15) == (try instant("2024-03-02T00:05:00Z")))
        #expect(start.adding(minutes: -50) == (try instant("2024-03-01T23:00:00Z")))
        #expect(start.adding(milliseconds: 1).millisecondsSince1970 == start.millisecondsSince1970 + 1)
    }

    @Test func ordersByInstant() throws {
        #expect(try instant("2024-03-01T16:30:00+08:00") < instant("2024-03-01T08:30:00.001Z"))
        #expect(try instant("1969-12-31T23:59:59Z") < instant("1970-01-01T00:00:00Z"))
    }

    @Test(arguments: [
        (1.2344, 1_234),
        (1.2346, 1_235),
        (0, 0),
        (-0.0006, -1),
        (-1.5, -1_500),
        (1_709_281_800.123, 1_709_281_800_123),
    ] as [(Double, Int64)])
    func fromDateRoundsToTheNearestMillisecond(seconds: Double, milliseconds: Int64) {
        #expect(Timestamp(Date(timeIntervalSince1970: seconds)).millisecondsSince1970 == milliseconds)
    }

    @Test func dateConversionRoundTripsWholeSeconds() {
        var generator = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<1_000 {
            let seconds = Int64.random(in: (millisecondsAt1900 / 1000)..<(millisecondsAt2200 / 1000), using: &generator)
            let timestamp = Timestamp(millisecondsSince1970: seconds * 1000)
            #expect(Timestamp(timestamp.date) == timestamp)
        }
    }

    /// `Date` keeps seconds as a Double since 2001, so flooring would turn 999 ms into 998 ms;
    /// `Timestamp(_: Date)` rounds to the nearest millisecond instead.
    @Test func dateConversionKeepsEveryMillisecond() {
        let lost = (-2_000...2_000).filter { milliseconds in
            let timestamp = Timestamp(millisecondsSince1970: Int64(milliseconds))
            return Timestamp(timestamp.date) != timestamp
        }
        #expect(lost.count == 0, "of 4001 values, e.g. \(Array(lost.prefix(5)))")
    }

    // MARK: - Codable

    @Test func encodesAsAnRFC3339String() throws {
        let bytes = try DossierJSON.encode([try instant("2024-03-01T16:30:00.5+08:00")])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["2024-03-01T08:30:00.500Z"]"#)
        let back = try DossierJSON.decode([Timestamp].self, from: bytes)
        #expect(back == [try instant("2024-03-01T08:30:00.5Z")])
    }

    @Test(arguments: [#"["2024-03-01"]"#, #"[1709281800000]"#, #"["2023-02-29T00:00:00Z"]"#])
    func decodingRejectsNonRFC3339(json: String) {
        #expect(throws: DecodingError.self) {
            try DossierJSON.decode([Timestamp].self, from: Array(json.utf8))
        }
    }
}
