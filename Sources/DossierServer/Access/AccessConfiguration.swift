import DossierProtocol

/// Who may do what: roles for the uids and gids of peers (`[access]` in the config file).
///
/// Names in the file are resolved to numbers when the configuration is loaded, so a user or
/// group renamed later keeps its role, and a misspelt name stops the daemon at start.
public struct AccessConfiguration: Sendable, Hashable {
    /// Roles of users, by uid.
    public var users: [UInt32: Role] = [:]
    /// Roles of groups, by gid: the peer's primary group and the groups the group database lists
    /// for its user.
    public var groups: [UInt32: Role] = [:]
    /// The role of a peer no rule matches; nil: none, so every method but `system.hello` answers
    /// `dossier.Forbidden`.
    public var unknown: Role? = nil
    /// Root (uid 0) is admin.
    public var rootIsAdmin: Bool = true
    /// The user the daemon runs as is admin, so that it can always administer itself.
    public var daemonUserIsAdmin: Bool = true
    /// Which roles see which confidential fields (`[access.confidential]`).
    public var confidential = ConfidentialAccess()

    public init() {}
}
