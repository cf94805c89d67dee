/// Command: record that an entity related to a group is not its member, and why (a
/// state-owned parent without real control is not part of the group).
public struct RecordGroupExclusion: Hashable, Sendable, Codable {
    public var group: GroupID
    public var entity: String
    /// Its customer id, when it is the bank's customer: it can then not be added as a member.
    public var customer: CustomerID?
    public var reason: ExclusionReason
    public var evidence: String

    public init(group: GroupID, entity: String, customer: CustomerID? = nil, reason: ExclusionReason, evidence: String)
    {
        self.group = group
        self.entity = entity
        self.customer = customer
        self.reason = reason
        self.evidence = evidence
    }
}

/// Event: an entity was recorded as excluded from a group.
public struct GroupExclusionRecorded: EventPayload {
    public static let typeName = "GroupExclusionRecorded"
    public static let schemaVersion: UInt16 = 1

    public var group: GroupID
    public var entity: String
    public var customer: CustomerID?
    public var reason: ExclusionReason
    public var evidence: String

    public init(group: GroupID, entity: String, customer: CustomerID?, reason: ExclusionReason, evidence: String) {
        self.group = group
        self.entity = entity
        self.customer = customer
        self.reason = reason
        self.evidence = evidence
    }
}

extension RecordGroupExclusion: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.exclusionRecorded(let recorded)) = first else { return false }
        return recorded.group == self.group && recorded.entity == self.entity.trimmingWhitespace()
            && recorded.customer == self.customer && recorded.reason == self.reason
            && recorded.evidence == self.evidence.trimmingWhitespace()
    }
}
