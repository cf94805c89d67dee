import DossierCore

/// Milliseconds of 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z.
let millisecondsAt1900: Int64 = -2_208_988_800_000
let millisecondsAt2200: Int64 = 7_258_118_400_000

struct InvalidFixture: Error, CustomStringConvertible {
    let description: String
}

/// A timestamp from an RFC 3339 literal the test itself wrote; fails the test when it does not parse.
func instant(_ text: String) throws -> Timestamp {
    guard let value = Timestamp(iso8601: text) else { throw InvalidFixture(description: "bad timestamp \(text)") }
    return value
}

/// A local date from a `yyyy-MM-dd` literal the test itself wrote.
func localDay(_ text: String) throws -> LocalDate {
    guard let value = LocalDate(text) else { throw InvalidFixture(description: "bad date \(text)") }
    return value
}

/// The default Asia/Shanghai calendar with extra holidays and make-up days.
func shanghaiCalendar(holidays: [String] = [], makeUpWorkingDays: [String] = []) throws -> BusinessCalendar {
    guard
        let calendar = BusinessCalendar(
            timeZone: "Asia/Shanghai",
            holidays: Set(try holidays.map(localDay)),
            makeUpWorkingDays: Set(try makeUpWorkingDays.map(localDay))
        )
    else { throw InvalidFixture(description: "Asia/Shanghai is not a known zone") }
    return calendar
}

let clerk = Actor(uid: 1001, user: "wang.li")

func registeredCustomer(_ id: String = "C-001") -> CustomerState {
    CustomerState(
        id: CustomerID(rawValue: id), name: "Zhang San", kind: .individual, stage: .active, tier: .ordinary,
        registeredAt: Timestamp(millisecondsSince1970: 1_700_000_000_000), version: 1
    )
}
