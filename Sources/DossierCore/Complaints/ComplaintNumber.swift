/// A complaint's number: unit code + `yyMMdd` of the receiving day + running number,
/// e.g. `HQ241124001` (format set in `ComplaintPolicy`).
public struct ComplaintNumber: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Builds the number for `unit`, local day `day` and running number `running`.
    public init(unit: String, day: LocalDate, running: Int, digits: Int) {
        let runningText = String(running)
        let padded = String(repeating: "0", count: max(0, digits - runningText.count)) + runningText
        self.rawValue = Self.prefix(unit: unit, day: day) + padded
    }

    /// The part shared by every number of one unit and day; numbers sort by running number after it.
    public static func prefix(unit: String, day: LocalDate) -> String {
        unit + day.compactYearMonthDay
    }

    /// The running number after the `prefix`, if this number has that prefix.
    public func runningNumber(after prefix: String) -> Int? {
        guard self.rawValue.hasPrefix(prefix) else { return nil }
        return Int(self.rawValue.dropFirst(prefix.count))
    }

    /// Validates the shape of a number given by a client (letters and digits, 1 to 40).
    public static func parse(_ text: String) throws(DomainError) -> ComplaintNumber {
        guard (1...40).contains(text.utf8.count), text.utf8.allSatisfy({ $0.isIdentifierCharacter }) else {
            throw .invalidField(field: "number", reason: "must be 1 to 40 letters, digits, '.', '_' or '-'")
        }
        return ComplaintNumber(rawValue: text)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: ComplaintNumber, rhs: ComplaintNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

extension StreamID {
    /// `complaint-<number>`: every event of one complaint.
    public static func complaint(_ number: ComplaintNumber) -> StreamID {
        StreamID(rawValue: "complaint-\(number.rawValue)")
    }

    /// The complaint whose stream this is, when it is a complaint stream.
    public var complaintNumber: ComplaintNumber? { self.suffix(after: "complaint-").map(ComplaintNumber.init(rawValue:)) }
}
