/// Who sends a command that needs authority: the actor the kernel vouched for, and the role
/// the daemon's access configuration gave them (its name, e.g. `approver`; nil: none).
///
/// The domain does not know the role table: it compares names with the ones its policy lists.
public struct Caller: Hashable, Sendable {
    public var actor: Actor
    public var role: String?

    public init(actor: Actor, role: String?) {
        self.actor = actor
        self.role = role
    }

    /// Whether this caller is `other` person: the same uid (what the kernel reported).
    public func isSamePerson(as other: Actor) -> Bool { self.actor.uid == other.uid }
}

/// A body that may decide something (a branch credit committee, head office, the president's
/// office meeting): the roles and the user names that act for it.
public struct Authority: Hashable, Sendable {
    /// `snake_case`, as the config names it.
    public var name: String
    /// Role names whose holders act for it.
    public var roles: [String]
    /// User names (as the daemon resolves peers' uids) that act for it whatever their role.
    public var users: [String]

    public init(name: String, roles: [String] = [], users: [String] = []) {
        self.name = name
        self.roles = roles
        self.users = users
    }

    /// Whether `caller` acts for this body.
    public func isHeld(by caller: Caller) -> Bool {
        self.users.contains(caller.actor.user) || caller.role.map(self.roles.contains) == true
    }
}

/// Authorities from the lowest to the highest: whoever acts for one acts for every one below it
/// (head office may decide what a branch committee may).
public struct AuthorityLadder: Hashable, Sendable {
    public var authorities: [Authority]

    public init(_ authorities: [Authority]) {
        self.authorities = authorities
    }

    public func authority(named name: String) -> Authority? { self.authorities.first { $0.name == name } }

    /// Whether `caller` acts for `name` or for an authority above it.
    public func caller(_ caller: Caller, holds name: String) -> Bool {
        guard let index = self.authorities.firstIndex(where: { $0.name == name }) else { return false }
        return self.authorities[index...].contains { $0.isHeld(by: caller) }
    }

    /// Whether `caller` acts for any authority at all.
    public func holdsAny(_ caller: Caller) -> Bool { self.authorities.contains { $0.isHeld(by: caller) } }
}
