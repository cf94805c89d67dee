/// The name of one stream of the log: `customer-42`, `complaint-HQ241124001`, `group-7`.
///
/// A stream holds every event of one thing, in order, numbered by its stream version.
public struct StreamID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static func customer(_ id: CustomerID) -> StreamID { StreamID(rawValue: "customer-\(id.rawValue)") }
    public static func complaint(_ number: ComplaintNumber) -> StreamID {
        StreamID(rawValue: "complaint-\(number.rawValue)")
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
