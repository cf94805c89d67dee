/// Which roles see each kind of confidential information: the kind's own roles
/// (`Confidentiality.roles`) unless the daemon's config names others (`[access.confidential]`),
/// so that an institution can show limits to clerks or hide bad records from them.
public struct ConfidentialAccess: Hashable, Sendable {
    /// Kind name -> the roles the config gives it.
    private var configured: [String: Set<Role>] = [:]

    public init() {}

    /// The roles that see `kind`, in role order.
    public func roles(of kind: Confidentiality) -> [Role] {
        let roles = self.configured[kind.name] ?? kind.roles
        return Role.allCases.filter(roles.contains)
    }

    /// Gives `kind` to `roles`; its own roles are kept as no override, so that two accesses that
    /// show the same roles the same things are equal.
    public mutating func set(_ roles: [Role], for kind: Confidentiality) {
        self.configured[kind.name] = Set(roles) == kind.roles ? nil : Set(roles)
    }

    /// Whether a caller with `role` (nil: no role) sees fields of `kind`.
    public func isVisible(_ kind: Confidentiality, to role: Role?) -> Bool {
        guard let role else { return false }
        return (self.configured[kind.name] ?? kind.roles).contains(role)
    }
}
