/// Command: record that a customer belongs to a group, how, and what shows it.
public struct AddGroupMember: Hashable, Sendable, Codable {
    public var group: GroupID
    public var customer: CustomerID
    public var relation: GroupRelation
    public var evidence: String

    public init(group: GroupID, customer: CustomerID, relation: GroupRelation, evidence: String) {
        self.group = group
        self.customer = customer
        self.relation = relation
        self.evidence = evidence
    }
}

/// Event: a customer became a member of a group.
public struct GroupMemberAdded: EventPayload {
    public static let typeName = "GroupMemberAdded"
    public static let schemaVersion: UInt16 = 1

    public var group: GroupID
    public var customer: CustomerID
    public var relation: GroupRelation
    public var evidence: String

    public init(group: GroupID, customer: CustomerID, relation: GroupRelation, evidence: String) {
        self.group = group
        self.customer = customer
        self.relation = relation
        self.evidence = evidence
    }
}

extension AddGroupMember: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.memberAdded(let added)) = first else { return false }
        return added.group == self.group && added.customer == self.customer && added.relation == self.relation
            && added.evidence == self.evidence.trimmingWhitespace()
    }
}
