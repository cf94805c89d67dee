/// Command: record that a customer no longer belongs to a group.
public struct RemoveGroupMember: Hashable, Sendable, Codable {
    public var group: GroupID
    public var customer: CustomerID
    public var reason: String

    public init(group: GroupID, customer: CustomerID, reason: String) {
        self.group = group
        self.customer = customer
        self.reason = reason
    }
}

/// Event: a customer left a group.
public struct GroupMemberRemoved: EventPayload {
    public static let typeName = "GroupMemberRemoved"
    public static let schemaVersion: UInt16 = 1

    public var group: GroupID
    public var customer: CustomerID
    public var reason: String

    public init(group: GroupID, customer: CustomerID, reason: String) {
        self.group = group
        self.customer = customer
        self.reason = reason
    }
}

extension RemoveGroupMember: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.memberRemoved(let removed)) = first else { return false }
        return removed.group == self.group && removed.customer == self.customer
            && removed.reason == self.reason.trimmingWhitespace()
    }
}
