/// A service-level clock: minutes, hours and calendar days run around the clock; working days
/// skip weekends and holidays of the business calendar.
///
/// Written in config as `30m`, `4h`, `15d` or `5wd`.
public enum ServiceDuration: Hashable, Sendable, CustomStringConvertible, Codable {
    case minutes(Int)
    case hours(Int)
    case days(Int)
    case workingDays(Int)

    public init?(_ text: String) {
        let suffixes: [(String, (Int) -> ServiceDuration)] = [
            ("wd", ServiceDuration.workingDays), ("m", ServiceDuration.minutes), ("h", ServiceDuration.hours),
            ("d", ServiceDuration.days),
        ]
        for (suffix, make) in suffixes where text.hasSuffix(suffix) {
            guard let value = Int(text.dropLast(suffix.count)), value > 0 else { return nil }
            self = make(value)
            return
        }
        return nil
    }

    /// Whether the clock counts working days of the business calendar (the others run a fixed
    /// time).
    public var isWorkingDays: Bool {
        if case .workingDays = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .minutes(let n): return "\(n)m"
        case .hours(let n): return "\(n)h"
        case .days(let n): return "\(n)d"
        case .workingDays(let n): return "\(n)wd"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ServiceDuration(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a duration like 30m, 4h, 15d or 5wd, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

/// How fast a complaint of one level must be answered and resolved.
public struct ServiceLevel: Hashable, Sendable, Codable {
    public var respondWithin: ServiceDuration
    public var resolveWithin: ServiceDuration

    public init(respondWithin: ServiceDuration, resolveWithin: ServiceDuration) {
        self.respondWithin = respondWithin
        self.resolveWithin = resolveWithin
    }
}
