/// The hours of a working day, as spans of local time: by default 09:00-12:00 and
/// 13:00-17:30 (a lunch break between). Working-hour clocks (`8wh`) count only these spans of
/// working days.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    /// One span, in minutes after local midnight: `start` < `end` <= 1440.
    public struct Span: Hashable, Sendable {
        public let start: Int
        public let end: Int
    }

    /// In order, not overlapping.
    public let spans: [Span]

    /// Parses spans written `HH:mm-HH:mm`; nil when one is malformed, empty, or overlaps another.
    public init?(_ texts: [String]) {
        var spans: [Span] = []
        for text in texts {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), start < end
            else { return nil }
            spans.append(Span(start: start, end: end))
        }
        spans.sort { $0.start < $1.start }
        guard !spans.isEmpty, zip(spans, spans.dropFirst()).allSatisfy({ $0.end <= $1.start }) else { return nil }
        self.spans = spans
    }

    /// 09:00-12:00 and 13:00-17:30.
    public static let standard = WorkingHours(["09:00-12:00", "13:00-17:30"])!

    /// Working minutes of one working day.
    public var minutesPerDay: Int { self.spans.reduce(0) { $0 + $1.end - $1.start } }

    /// The spans as they are written in config.
    public var texts: [String] { self.spans.map { "\(Self.clock($0.start))-\(Self.clock($0.end))" } }

    public var description: String { self.texts.joined(separator: ", ") }

    /// `HH:mm` (24:00 allowed as the end of a day) as minutes after midnight.
    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(" ").split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        let total = hours * 60 + minutes
        return total <= 1440 ? total : nil
    }

    private static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(_ character: Character) -> Substring {
        var slice = self
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return slice
    }
}
