import DossierCore
import PropertyBased
import Testing

/// Working hours on the business calendar: properties over random starts and amounts, and the
/// boundaries a deadline crosses (weekend, holiday, make-up Saturday, daylight saving).
@Suite("Working time")
struct WorkingTimeTests {
    static let shanghai = BusinessCalendar()!
    /// 2020-01-01 to 2030-01-01, in milliseconds.
    static let starts = Gen.int64(in: 1_577_836_800_000...1_893_456_000_000)
    /// A duration of each kind: minutes, hours, days, working days, working hours, months.
    static func duration(kind: Int, amount: Int) -> ServiceDuration {
        switch kind {
        case 0: return .minutes(amount)
        case 1: return .hours(amount)
        case 2: return .days(amount)
        case 3: return .workingDays(amount)
        case 4: return .workingHours(amount)
        default: return .months(amount % 12 + 1)
        }
    }

    /// The Shanghai calendar with the 2026 National Day holidays and their make-up days.
    static func holidayCalendar() throws -> BusinessCalendar {
        try #require(
            BusinessCalendar(
                holidays: Set(
                    try ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map(localDay)),
                makeUpWorkingDays: Set(try ["2026-09-27", "2026-10-10"].map(localDay))))
    }

    @Test func aDeadlineIsNeverBeforeItsStart() async throws {
        let calendar = try Self.holidayCalendar()
        await propertyCheck(count: 300, input: Self.starts, Gen.int(in: 0...5), Gen.int(in: 1...200)) {
            start, kind, amount in
            let duration = Self.duration(kind: kind, amount: amount)
            let begin = Timestamp(rawValue: start)
            #expect(calendar.deadline(from: begin, after: duration) > begin, "\(duration) from \(begin)")
        }
    }

    @Test func addingWorkingTimeLandsInWorkingTimeAndCountsBackToTheSameAmount() async throws {
        let calendar = try Self.holidayCalendar()
        await propertyCheck(count: 300, input: Self.starts, Gen.int(in: 1...(200 * 60))) { start, minutes in
            let begin = Timestamp(rawValue: start)
            let end = calendar.addingWorkingTime(Int64(minutes) * 60_000, to: begin)
            #expect(calendar.isWorkingTime(end), "\(minutes) min from \(begin) ends at \(end)")
            #expect(calendar.workingMilliseconds(from: begin, to: end) == Int64(minutes) * 60_000)
        }
    }

    @Test func workingDayDeadlinesLandOnWorkingDays() async throws {
        let calendar = try Self.holidayCalendar()
        await propertyCheck(count: 200, input: Self.starts, Gen.int(in: 1...30)) { start, days in
            let end = calendar.deadline(from: Timestamp(rawValue: start), after: .workingDays(days))
            #expect(calendar.isWorkingDay(calendar.localDate(of: end)))
        }
    }

    @Test func eightWorkingHoursCrossTheWeekend() throws {
        // Friday 16:00: 1.5 h on Friday, then Monday 09:00-12:00 and 13:00-16:30.
        let end = Self.shanghai.deadline(from: try instant("2024-03-08T16:00:00+08:00"), after: .workingHours(8))
        #expect(end == (try instant("2024-03-11T16:30:00+08:00")))
    }

    @Test func eightWorkingHoursSkipAHoliday() throws {
        // Wednesday 30 September 2026 16:00, then the National Day week and its weekend; the make-up
        // Saturday 10 October is the next working day.
        let end = try Self.holidayCalendar().deadline(
            from: try instant("2026-09-30T16:00:00+08:00"), after: .workingHours(8))
        #expect(end == (try instant("2026-10-08T16:30:00+08:00")))
    }

    @Test func aMakeUpSaturdayIsWorked() throws {
        // Friday 9 October 16:00: Saturday 10 October is a make-up working day.
        let end = try Self.holidayCalendar().deadline(
            from: try instant("2026-10-09T16:00:00+08:00"), after: .workingHours(8))
        #expect(end == (try instant("2026-10-10T16:30:00+08:00")))
        // Saturday 26 September is not: the Sunday 27th is.
        let sunday = try Self.holidayCalendar().deadline(
            from: try instant("2026-09-25T16:00:00+08:00"), after: .workingHours(8))
        #expect(sunday == (try instant("2026-09-27T16:30:00+08:00")))
    }

    @Test func workingHoursKeepLocalTimeAcrossADaylightSavingChange() throws {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026.
        let berlin = try #require(BusinessCalendar(timeZone: "Europe/Berlin"))
        let end = berlin.deadline(from: try instant("2026-03-27T16:00:00+01:00"), after: .workingHours(8))
        #expect(end == (try instant("2026-03-30T16:30:00+02:00")))
        #expect(berlin.workingMilliseconds(from: try instant("2026-03-27T16:00:00+01:00"), to: end) == 8 * 3_600_000)
        // A working day keeps the local time of day; 24 hours run on the clock.
        let start = try instant("2026-03-28T10:00:00+01:00")
        #expect(berlin.deadline(from: start, after: .workingDays(1)) == (try instant("2026-03-30T10:00:00+02:00")))
        #expect(berlin.deadline(from: start, after: .hours(24)) == (try instant("2026-03-29T11:00:00+02:00")))
    }

    @Test func workingTimeBeforeOpeningAndAtTheLunchBreakStartsAtTheNextSpan() throws {
        let calendar = Self.shanghai
        #expect(
            calendar.addingWorkingTime(60 * 60_000, to: try instant("2024-03-04T07:00:00+08:00"))
                == (try instant("2024-03-04T10:00:00+08:00")))
        #expect(
            calendar.addingWorkingTime(30 * 60_000, to: try instant("2024-03-04T12:10:00+08:00"))
                == (try instant("2024-03-04T13:30:00+08:00")))
        #expect(calendar.isWorkingTime(try instant("2024-03-04T17:30:00+08:00")))
        #expect(!calendar.isWorkingTime(try instant("2024-03-04T17:31:00+08:00")))
        #expect(!calendar.isWorkingTime(try instant("2024-03-09T10:00:00+08:00")))
    }

    @Test func workingHoursParseAndRefuseOverlaps() {
        #expect(WorkingHours(["08:30-12:00", "13:30-18:00"])?.minutesPerDay == 210 + 270)
        #expect(WorkingHours.standard.texts == ["09:00-12:00", "13:00-17:30"])
        #expect(WorkingHours(["09:00-12:00", "11:00-17:00"]) == nil)
        #expect(WorkingHours(["12:00-09:00"]) == nil)
        #expect(WorkingHours(["9-12"]) == nil)
        #expect(WorkingHours([]) == nil)
    }

    @Test func monthsEndOnTheSameDayOrTheLastOfAShorterMonth() throws {
        #expect(try localDay("2024-01-31").addingCalendarMonths(1) == (try localDay("2024-02-29")))
        #expect(try localDay("2024-11-15").addingCalendarMonths(2) == (try localDay("2025-01-15")))
        #expect(try localDay("2024-03-31").addingCalendarMonths(-1) == (try localDay("2024-02-29")))
        #expect(ServiceDuration("1mo") == .months(1) && ServiceDuration("8wh") == .workingHours(8))
        #expect(ServiceDuration("8wh")?.description == "8wh" && ServiceDuration("0mo") == nil)
    }

    @Test func theCalendarVersionChangesWithEverythingThatDecidesADeadline() throws {
        let base = Self.shanghai
        var holiday = base
        holiday.holidays.insert(try localDay("2026-10-01"))
        var hours = base
        hours.workingHours = WorkingHours(["08:00-16:00"])!
        let versions = [
            base.version, holiday.version, hours.version, BusinessCalendar(timeZone: "Europe/Berlin")!.version,
        ]
        #expect(Set(versions).count == 4)
        #expect(base.version == BusinessCalendar()!.version)
        #expect(base.version.hasPrefix("cal-") && base.version.count == 20)
    }
}
