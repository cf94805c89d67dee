/// Whose credit a limit is: a customer's own, or a group's (the ceiling of its members' limits).
public enum CreditSubject: Hashable, Sendable, CustomStringConvertible {
    case customer(CustomerID)
    case group(GroupID)

    /// `limit-<customer>` or `grouplimit-<group>`: every limit decision of the subject.
    public var stream: StreamID {
        switch self {
        case .customer(let id): return StreamID(rawValue: "limit-\(id.rawValue)")
        case .group(let id): return StreamID(rawValue: "grouplimit-\(id.rawValue)")
        }
    }

    public var customer: CustomerID? {
        if case .customer(let id) = self { return id }
        return nil
    }

    public var group: GroupID? {
        if case .group(let id) = self { return id }
        return nil
    }

    /// `customer c1`, `group g1`.
    public var description: String {
        switch self {
        case .customer(let id): return "customer \(id)"
        case .group(let id): return "group \(id)"
        }
    }

    /// For `details`: `{"customer": "c1"}` or `{"group": "g1"}`.
    public var details: [String: String] {
        switch self {
        case .customer(let id): return ["customer": id.rawValue]
        case .group(let id): return ["group": id.rawValue]
        }
    }
}

extension CreditSubject: Codable {
    private enum CodingKeys: String, CodingKey { case customer, group }

    /// `{"customer": "c1"}` or `{"group": "g1"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let customer = try container.decodeIfPresent(CustomerID.self, forKey: .customer) {
            self = .customer(customer)
        } else {
            self = .group(try container.decode(GroupID.self, forKey: .group))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .customer(let id): try container.encode(id, forKey: .customer)
        case .group(let id): try container.encode(id, forKey: .group)
        }
    }
}

extension StreamID {
    /// The subject whose limits this stream holds.
    public var creditSubject: CreditSubject? {
        if let id = self.suffix(after: "limit-") { return .customer(CustomerID(rawValue: id)) }
        if let id = self.suffix(after: "grouplimit-") { return .group(GroupID(rawValue: id)) }
        return nil
    }
}
