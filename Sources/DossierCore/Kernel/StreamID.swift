/// The name of one stream of the log: `customer-42`, `complaint-HQ241124001`, `group-7`.
///
/// A stream holds every event of one thing, in order, numbered by its stream version.
public struct StreamID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The part after `prefix`, when this stream's name starts with it.
    public func suffix(after prefix: String) -> String? {
        self.rawValue.hasPrefix(prefix) ? String(self.rawValue.dropFirst(prefix.count)) : nil
    }

    public var description: String { self.rawValue }

    public static func < (lhs: StreamID, rhs: StreamID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}
