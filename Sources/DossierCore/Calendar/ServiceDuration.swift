/// A service-level clock: minutes, hours and calendar days run around the clock; working days
/// skip weekends and holidays of the business calendar; working hours count only the working
/// hours of working days; months end on the same day of a later month.
///
/// Written in config as `30m`, `4h`, `15d`, `5wd`, `8wh` or `1mo`.
public enum ServiceDuration: Hashable, Sendable, CustomStringConvertible, Codable {
    case minutes(Int)
    case hours(Int)
    case days(Int)
    case workingDays(Int)
    case workingHours(Int)
    case months(Int)

    public init?(_ text: String) {
        let suffixes: [(String, (Int) -> ServiceDuration)] = [
            ("wd", ServiceDuration.workingDays), ("wh", ServiceDuration.workingHours), ("mo", ServiceDuration.months),
            ("m", ServiceDuration.minutes), ("h", ServiceDuration.hours), ("d", ServiceDuration.days),
        ]
        for (suffix, make) in suffixes where text.hasSuffix(suffix) {
            guard let value = Int(text.dropLast(suffix.count)), value > 0 else { return nil }
            self = make(value)
            return
        }
        return nil
    }

    /// Whether the clock counts working days of the business calendar.
    public var isWorkingDays: Bool {
        if case .workingDays = self { return true }
        return false
    }

    /// Whether where the clock ends depends on the calendar (working days, working hours,
    /// months); minutes, hours and days end a fixed time after any start.
    public var isCalendarDependent: Bool {
        switch self {
        case .workingDays, .workingHours, .months: return true
        case .minutes, .hours, .days: return false
        }
    }

    public var description: String {
        switch self {
        case .minutes(let n): return "\(n)m"
        case .hours(let n): return "\(n)h"
        case .days(let n): return "\(n)d"
        case .workingDays(let n): return "\(n)wd"
        case .workingHours(let n): return "\(n)wh"
        case .months(let n): return "\(n)mo"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ServiceDuration(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a duration like 30m, 4h, 15d, 5wd, 8wh or 1mo, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

/// How fast a complaint of one level must be answered and resolved, and, for the levels that
/// need one, by when a temporary measure must be in place.
public struct ServiceLevel: Hashable, Sendable, Codable {
    public var respondWithin: ServiceDuration
    public var resolveWithin: ServiceDuration
    /// nil: the level needs no temporary measure by a deadline.
    public var temporaryMeasureWithin: ServiceDuration?

    public init(
        respondWithin: ServiceDuration, resolveWithin: ServiceDuration, temporaryMeasureWithin: ServiceDuration? = nil
    ) {
        self.respondWithin = respondWithin
        self.resolveWithin = resolveWithin
        self.temporaryMeasureWithin = temporaryMeasureWithin
    }
}
