/// The bank's own stable identifier of a customer: 1 to 64 characters of letters, digits, `.`, `_`, `-`.
public struct CustomerID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Validates `text` as a customer id.
    public static func parse(_ text: String, field: String = "customer") throws(DomainError) -> CustomerID {
        guard (1...64).contains(text.utf8.count),
            text.utf8.allSatisfy({ $0.isIdentifierCharacter })
        else {
            throw .invalidField(field: field, reason: "must be 1 to 64 letters, digits, '.', '_' or '-'")
        }
        return CustomerID(rawValue: text)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: CustomerID, rhs: CustomerID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

extension UInt8 {
    var isIdentifierCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

extension StreamID {
    /// `customer-<id>`: every event of one customer's dossier.
    public static func customer(_ id: CustomerID) -> StreamID { StreamID(rawValue: "customer-\(id.rawValue)") }

    /// The customer whose stream this is, when it is a customer stream.
    public var customerID: CustomerID? { self.suffix(after: "customer-").map(CustomerID.init(rawValue:)) }
}
