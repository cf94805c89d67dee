import DossierCore
import Foundation
import Testing

@Suite("BusinessCalendar")
struct BusinessCalendarTests {
    /// China's 2024 Labour Day break: 1-5 May off, Sunday 28 April and Saturday 11 May worked.
    static let labourDay2024Holidays = ["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05"]
    static let labourDay2024MakeUpDays = ["2024-04-28", "2024-05-11"]

    // MARK: - Construction

    @Test func rejectsUnknownTimeZone() {
        #expect(BusinessCalendar(timeZone: "Mars/Olympus_Mons") == nil)
        #expect(BusinessCalendar(timeZone: "") == nil)
    }

    @Test func defaultsToShanghaiWithSaturdayAndSundayOff() throws {
        let calendar = try #require(BusinessCalendar())
        #expect(calendar.timeZoneIdentifier == "Asia/Shanghai")
        #expect(calendar.weekendDays == [6, 7])
        #expect(calendar.holidays.isEmpty)
        #expect(calendar.makeUpWorkingDays.isEmpty)
        #expect(Policy().calendar == calendar)
    }

    @Test func equalityComparesConfiguration() throws {
        let plain = try shanghaiCalendar()
        let withHoliday = try shanghaiCalendar(holidays: ["2024-05-01"])
        #expect(plain == (try shanghaiCalendar()))
        #expect(plain != withHoliday)
        #expect(plain != BusinessCalendar(timeZone: "UTC"))
        #expect(Set([plain, try shanghaiCalendar(), withHoliday]).count == 2)
    }

    // MARK: - Local date

    @Test(arguments: [
        ("2024-03-01T17:00:00Z", "2024-03-02"),
        ("2024-03-01T16:00:00Z", "2024-03-02"),
        ("2024-03-01T15:59:59.999Z", "2024-03-01"),
        ("2024-03-01T00:00:00Z", "2024-03-01"),
        ("2024-02-29T16:00:00Z", "2024-03-01"),
        ("2023-12-31T16:00:00Z", "2024-01-01"),
        ("1969-12-31T16:00:00Z", "1970-01-01"),
        ("1969-12-31T15:59:59.999Z", "1969-12-31"),
    ])
    func localDateInShanghai(utc: String, local: String) throws {
        #expect(try shanghaiCalendar().localDate(of: instant(utc)) == localDay(local))
    }

    @Test(arguments: [
        ("UTC", "2024-03-01T23:59:59.999Z", "2024-03-01"),
        ("UTC", "1969-12-31T23:59:59.999Z", "1969-12-31"),
        ("America/New_York", "2024-03-01T04:59:59Z", "2024-02-29"),
        ("America/New_York", "2024-03-01T05:00:00Z", "2024-03-01"),
        ("America/New_York", "2024-07-01T03:59:59Z", "2024-06-30"),  // EDT, UTC-4
        ("Asia/Kolkata", "2024-03-01T18:30:00Z", "2024-03-02"),
    ])
    func localDateInOtherZones(zone: String, utc: String, local: String) throws {
        let calendar = try #require(BusinessCalendar(timeZone: zone))
        #expect(try calendar.localDate(of: instant(utc)) == localDay(local))
    }

    // MARK: - Working days

    @Test(arguments: [
        ("2024-03-01", true),  // Friday
        ("2024-03-02", false),  // Saturday
        ("2024-03-03", false),  // Sunday
        ("2024-03-04", true),  // Monday
        ("2024-04-27", false),  // Saturday
        ("2024-04-28", true),  // make-up Sunday
        ("2024-04-30", true),
        ("2024-05-01", false),  // holiday Wednesday
        ("2024-05-03", false),  // holiday Friday
        ("2024-05-04", false),  // holiday Saturday
        ("2024-05-06", true),
        ("2024-05-11", true),  // make-up Saturday
        ("2024-05-12", false),
    ])
    func workingDaysFollowWeekendsHolidaysAndMakeUpDays(date: String, working: Bool) throws {
        let calendar = try shanghaiCalendar(
            holidays: Self.labourDay2024Holidays, makeUpWorkingDays: Self.labourDay2024MakeUpDays)
        #expect(try calendar.isWorkingDay(localDay(date)) == working)
    }

    @Test func weekendDaysAreConfigurable() throws {
        // A Friday-Saturday weekend.
        let calendar = try #require(BusinessCalendar(timeZone: "Asia/Dubai", weekendDays: [5, 6]))
        #expect(try !calendar.isWorkingDay(localDay("2024-03-01")))  // Friday
        #expect(try !calendar.isWorkingDay(localDay("2024-03-02")))  // Saturday
        #expect(try calendar.isWorkingDay(localDay("2024-03-03")))  // Sunday
        #expect(try calendar.deadline(from: instant("2024-02-29T10:00:00+04:00"), after: .workingDays(1))
            == instant("2024-03-03T10:00:00+04:00"))
    }

    // MARK: - Clock durations

    @Test(arguments: [
        (ServiceDuration.minutes(30), "2024-03-01T10:30:00+08:00"),
        (.minutes(24 * 60), "2024-03-02T10:00:00+08:00"),
        (.hours(4), "2024-03-01T14:00:00+08:00"),
        (.hours(24), "2024-03-02T10:00:00+08:00"),
        (.hours(72), "2024-03-04T10:00:00+08:00"),
        (.days(1), "2024-03-02T10:00:00+08:00"),  // calendar days: weekends count
        (.days(15), "2024-03-16T10:00:00+08:00"),
        (.days(366), "2025-03-02T10:00:00+08:00"),
    ])
    func clockDurationsRunAroundTheClock(duration: ServiceDuration, expected: String) throws {
        let calendar = try shanghaiCalendar(holidays: ["2024-03-04"])
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: duration) == instant(expected))
    }

    @Test func clockDurationsIgnoreDaylightSaving() throws {
        let calendar = try #require(BusinessCalendar(timeZone: "Europe/Berlin"))
        // 2024-03-31 02:00 CET jumps to 03:00 CEST: 24 hours later is 11:00 local, not 10:00.
        #expect(try calendar.deadline(from: instant("2024-03-30T10:00:00+01:00"), after: .hours(24))
            == instant("2024-03-31T11:00:00+02:00"))
        #expect(try calendar.deadline(from: instant("2024-03-30T10:00:00+01:00"), after: .days(1))
            == instant("2024-03-31T11:00:00+02:00"))
    }

    // MARK: - Working-day deadlines

    @Test func fridayPlusOneWorkingDayIsMondaySameLocalTime() throws {
        let calendar = try shanghaiCalendar()
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: .workingDays(1))
            == instant("2024-03-04T10:00:00+08:00"))
    }

    @Test func keepsLateLocalTimeOfDayThatIsAnotherUTCDay() throws {
        let calendar = try shanghaiCalendar()
        // Friday 23:30 local is Friday 15:30 UTC; the deadline is Monday 23:30 local.
        #expect(try calendar.deadline(from: instant("2024-03-01T15:30:00Z"), after: .workingDays(1))
            == instant("2024-03-04T23:30:00+08:00"))
        // Saturday 00:30 local is still Friday in UTC: counted from Saturday, the deadline is Monday.
        #expect(try calendar.deadline(from: instant("2024-03-01T16:30:00Z"), after: .workingDays(1))
            == instant("2024-03-04T00:30:00+08:00"))
    }

    @Test func skipsAHolidayInBetween() throws {
        let calendar = try shanghaiCalendar(holidays: ["2024-03-04"])
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: .workingDays(1))
            == instant("2024-03-05T10:00:00+08:00"))
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: .workingDays(5))
            == instant("2024-03-11T10:00:00+08:00"))
    }

    @Test func countsAMakeUpSaturday() throws {
        let calendar = try shanghaiCalendar(makeUpWorkingDays: ["2024-03-02"])
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: .workingDays(1))
            == instant("2024-03-02T10:00:00+08:00"))
        #expect(try calendar.deadline(from: instant("2024-03-01T10:00:00+08:00"), after: .workingDays(2))
            == instant("2024-03-04T10:00:00+08:00"))
    }

    @Test(arguments: [
        ("2024-03-02T10:00:00+08:00", 1, "2024-03-04T10:00:00+08:00"),  // Saturday
        ("2024-03-03T10:00:00+08:00", 1, "2024-03-04T10:00:00+08:00"),  // Sunday
        ("2024-03-02T10:00:00+08:00", 5, "2024-03-08T10:00:00+08:00"),
        ("2024-03-02T00:00:00+08:00", 6, "2024-03-11T00:00:00+08:00"),
        ("2024-03-04T09:15:00+08:00", 1, "2024-03-05T09:15:00+08:00"),  // Monday
        ("2024-03-04T09:15:00+08:00", 10, "2024-03-18T09:15:00+08:00"),
    ])
    func startingOnAnyDay(start: String, days: Int, expected: String) throws {
        let calendar = try shanghaiCalendar()
        #expect(try calendar.deadline(from: instant(start), after: .workingDays(days)) == instant(expected))
    }

    @Test(arguments: [
        (1, "2024-04-28"),  // make-up Sunday
        (2, "2024-04-29"),
        (3, "2024-04-30"),
        (4, "2024-05-06"),  // 1-5 May off
        (5, "2024-05-07"),
        (8, "2024-05-10"),
        (9, "2024-05-11"),  // make-up Saturday
        (10, "2024-05-13"),
    ])
    func labourDayBreak2024(days: Int, expectedDay: String) throws {
        let calendar = try shanghaiCalendar(
            holidays: Self.labourDay2024Holidays, makeUpWorkingDays: Self.labourDay2024MakeUpDays)
        // Friday 26 April 2024, 14:45 local.
        let deadline = calendar.deadline(from: try instant("2024-04-26T14:45:00+08:00"), after: .workingDays(days))
        #expect(deadline == (try instant(expectedDay + "T14:45:00+08:00")))
    }

    @Test func workingDaysKeepLocalTimeAcrossDaylightSaving() throws {
        let calendar = try #require(BusinessCalendar(timeZone: "Europe/Berlin"))
        // Friday 29 March 2024 10:00 CET (UTC+1); the clocks go forward on Sunday 31 March.
        #expect(try calendar.deadline(from: instant("2024-03-29T10:00:00+01:00"), after: .workingDays(1))
            == instant("2024-04-01T10:00:00+02:00"))
        // Friday 25 October 2024 10:00 CEST (UTC+2); the clocks go back on Sunday 27 October.
        #expect(try calendar.deadline(from: instant("2024-10-25T10:00:00+02:00"), after: .workingDays(1))
            == instant("2024-10-28T10:00:00+01:00"))
    }

    @Test func aCalendarWithNoWorkingDayStillEnds() throws {
        let calendar = try #require(BusinessCalendar(timeZone: "UTC", weekendDays: Set(1...7)))
        let start = try instant("2024-03-01T10:00:00Z")
        let deadline = calendar.deadline(from: start, after: .workingDays(2))
        #expect(deadline > start)
    }

    /// For random starts and 1...20 working days: the deadline falls on a working day, after the start,
    /// at the start's local time of day, with exactly n working days in (start day, deadline day].
    @Test(arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"])
    func workingDayDeadlineProperty(zone: String) throws {
        var generator = SplitMix64(seed: 0x00CA_1E2D + UInt64(zone.utf8.count))
        let firstDay = try localDay("2020-01-01").daysSince1970
        let lastDay = try localDay("2030-12-31").daysSince1970
        var holidays: Set<LocalDate> = []
        var makeUpDays: Set<LocalDate> = []
        for _ in 0..<400 {
            holidays.insert(LocalDate(daysSince1970: Int.random(in: firstDay...lastDay, using: &generator)))
        }
        for _ in 0..<100 {
            let candidate = LocalDate(daysSince1970: Int.random(in: firstDay...lastDay, using: &generator))
            // Saturdays only: clocks change on Sundays, where a deadline could fall into a gap.
            if candidate.weekday == 6, !holidays.contains(candidate) { makeUpDays.insert(candidate) }
        }
        let calendar = try #require(
            BusinessCalendar(timeZone: zone, holidays: holidays, makeUpWorkingDays: makeUpDays))
        let timeZone = try #require(TimeZone(identifier: zone))
        func localTimeOfDay(_ timestamp: Timestamp) -> Int64 {
            let local = timestamp.millisecondsSince1970
                + Int64(timeZone.secondsFromGMT(for: timestamp.date)) * 1000
            return ((local % 86_400_000) + 86_400_000) % 86_400_000
        }

        let startRange = try instant("2020-01-01T00:00:00Z").millisecondsSince1970
            ..< instant("2030-06-30T00:00:00Z").millisecondsSince1970
        for _ in 0..<3_000 {
            let start = Timestamp(millisecondsSince1970: Int64.random(in: startRange, using: &generator))
            let n = Int.random(in: 1...20, using: &generator)
            let deadline = calendar.deadline(from: start, after: .workingDays(n))
            let startDay = calendar.localDate(of: start)
            let deadlineDay = calendar.localDate(of: deadline)

            #expect(deadline > start, "\(start) + \(n)wd")
            #expect(calendar.isWorkingDay(deadlineDay), "\(start) + \(n)wd = \(deadline)")
            var counted = 0
            var day = startDay.adding(days: 1)
            while day <= deadlineDay {
                if calendar.isWorkingDay(day) { counted += 1 }
                day = day.adding(days: 1)
            }
            #expect(counted == n, "\(start) + \(n)wd = \(deadline)")
            // Sundays are off, so no deadline falls on a day the clocks change.
            #expect(localTimeOfDay(deadline) == localTimeOfDay(start), "\(start) + \(n)wd = \(deadline)")
        }
    }
}
