/// The bank's id of a group customer (集团客户): 1 to 64 letters, digits, `.`, `_`, `-`.
public struct GroupID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static func parse(_ text: String, field: String = "group") throws(DomainError) -> GroupID {
        guard (1...64).contains(text.utf8.count), text.utf8.allSatisfy({ $0.isIdentifierCharacter }) else {
            throw .invalidField(field: field, reason: "must be 1 to 64 letters, digits, '.', '_' or '-'")
        }
        return GroupID(rawValue: text)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

extension StreamID {
    /// `group-<id>`: a group's members, exclusions, balances and exposures.
    public static func group(_ id: GroupID) -> StreamID { StreamID(rawValue: "group-\(id.rawValue)") }

    public var groupID: GroupID? { self.suffix(after: "group-").map(GroupID.init(rawValue:)) }

    /// `netcapital`: the bank's net capital, each change an event.
    public static let netCapital = StreamID(rawValue: "netcapital")
}
