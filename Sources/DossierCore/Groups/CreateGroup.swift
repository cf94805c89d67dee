/// Command: open a group customer's record.
public struct CreateGroup: Hashable, Sendable, Codable {
    public var id: GroupID
    public var name: String
    public var note: String

    public init(id: GroupID, name: String, note: String = "") {
        self.id = id
        self.name = name
        self.note = note
    }
}

/// Event: a group customer's record was opened.
public struct GroupCreated: EventPayload {
    public static let typeName = "GroupCreated"
    public static let schemaVersion: UInt16 = 1

    public var group: GroupID
    public var name: String
    public var note: String

    public init(group: GroupID, name: String, note: String) {
        self.group = group
        self.name = name
        self.note = note
    }
}

extension CreateGroup: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .group(.created(let created)) = first else { return false }
        return created.group == self.id && created.name == self.name.trimmingWhitespace() && created.note == self.note
    }
}
