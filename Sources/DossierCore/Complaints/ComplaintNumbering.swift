/// When a complaint number's running count starts again from 1.
public enum NumberReset: String, ClosedSet {
    case day, month, year
}

/// Whose complaints share one running count: each unit its own, or the whole institution one.
public enum NumberScope: String, ClosedSet {
    case unit, institution
}

/// How a complaint number is written: literal text and tokens in braces.
///
/// Tokens: `{unit}` (the receiving unit's code), `{yyyy}`, `{yy}`, `{MM}`, `{dd}` (of the
/// receiving day in the institution's time zone), and exactly one running number, `{seq}`
/// (`policy.complaints.number_digits` digits) or `{seq:N}` (N digits, 1 to 9). The default
/// `{unit}{yy}{MM}{dd}{seq}` gives `HQ261202001`; `{yy}{MM}{dd}{seq:3}` counted per year for
/// the whole institution gives `100912099` for the 99th complaint of 2010, received on 12
/// September.
public struct NumberingPattern: Hashable, Sendable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case literal(String)
        case unit, fullYear, year, month, day
        case sequence(width: Int?)
    }

    public let text: String
    let tokens: [Token]

    /// nil when a token is unknown, a brace is unmatched, a literal is not letters, digits,
    /// `.`, `_` or `-`, or the running number is missing or given twice.
    public init?(_ text: String) {
        var tokens: [Token] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == "{" {
                guard let close = rest.firstIndex(of: "}") else { return nil }
                let name = rest[rest.index(after: rest.startIndex)..<close]
                switch name {
                case "unit": tokens.append(.unit)
                case "yyyy": tokens.append(.fullYear)
                case "yy": tokens.append(.year)
                case "MM": tokens.append(.month)
                case "dd": tokens.append(.day)
                case "seq": tokens.append(.sequence(width: nil))
                default:
                    guard name.hasPrefix("seq:"), let width = Int(name.dropFirst(4)), (1...9).contains(width) else {
                        return nil
                    }
                    tokens.append(.sequence(width: width))
                }
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(of: "{") ?? rest.endIndex
                let literal = rest[..<end]
                guard literal.utf8.allSatisfy({ $0.isIdentifierCharacter }) else { return nil }
                tokens.append(.literal(String(literal)))
                rest = rest[end...]
            }
        }
        let sequences = tokens.filter { if case .sequence = $0 { return true } else { return false } }
        guard sequences.count == 1 else { return nil }
        self.text = text
        self.tokens = tokens
    }

    public static let standard = NumberingPattern("{unit}{yy}{MM}{dd}{seq}")!

    /// The running number's digits: its own width, or `defaultDigits`.
    public func digits(default defaultDigits: Int) -> Int {
        for case .sequence(let width) in self.tokens { return width ?? defaultDigits }
        return defaultDigits
    }

    /// The number for `unit`, receiving day `day` and running number `running`.
    public func format(unit: String, day: LocalDate, running: Int, defaultDigits: Int) -> String {
        let (year, month, dayOfMonth) = day.components
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return self.tokens.map { token in
            switch token {
            case .literal(let text): return text
            case .unit: return unit
            case .fullYear: return padded(year, 4)
            case .year: return padded(year % 100, 2)
            case .month: return padded(month, 2)
            case .day: return padded(dayOfMonth, 2)
            case .sequence(let width): return padded(running, width ?? defaultDigits)
            }
        }.joined()
    }

    var hasUnit: Bool { self.tokens.contains(.unit) }
    var hasYear: Bool { self.tokens.contains(.year) || self.tokens.contains(.fullYear) }
    var hasMonth: Bool { self.tokens.contains(.month) }
    var hasDay: Bool { self.tokens.contains(.day) }

    public var description: String { self.text }
}

extension ComplaintPolicy {
    /// The running count a complaint of `unit` received on local day `day` continues, e.g.
    /// `HQ/2026-12-02` (per unit and day) or `*/2010` (institution-wide, per year).
    public func numberingSeries(unit: String, day: LocalDate) -> String {
        let year = day.components.year
        let period: String
        switch self.numberReset {
        case .day: period = day.description
        case .month: period = String(day.description.prefix(7))
        case .year: period = String(year)
        }
        return (self.numberScope == .unit ? unit : "*") + "/" + period
    }

    /// The complaint number for `unit`, `day` and `running`, as the pattern writes it.
    public func complaintNumber(unit: String, day: LocalDate, running: Int) -> ComplaintNumber {
        ComplaintNumber(
            rawValue: self.numberPattern.format(
                unit: unit, day: day, running: running, defaultDigits: self.numberDigits))
    }

    /// Why numbers of this pattern could repeat, or nil when they cannot: a count that restarts
    /// each day must be written with the day, month and year; one per unit with the unit.
    public var numberingProblem: String? {
        let pattern = self.numberPattern
        var missing: [String] = []
        if !pattern.hasYear { missing.append("{yy} or {yyyy}") }
        if self.numberReset != .year, !pattern.hasMonth { missing.append("{MM}") }
        if self.numberReset == .day, !pattern.hasDay { missing.append("{dd}") }
        if self.numberScope == .unit, !pattern.hasUnit { missing.append("{unit}") }
        guard !missing.isEmpty else { return nil }
        return "must contain \(missing.joined(separator: ", ")): a running number that restarts each "
            + "\(self.numberReset.rawValue) per \(self.numberScope.rawValue) would repeat otherwise"
    }
}
