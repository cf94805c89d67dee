import DossierCore
import DossierProtocol
import Logging

/// What a handler knows about the request it serves.
public struct RequestContext: Sendable {
    /// The authenticated caller.
    public var peer: PeerCredentials
    /// The peer's user name from the password database.
    public var user: String
    /// The role the access configuration gives the peer; nil: none (only `system.hello`).
    public var role: Role?
    /// Which roles see which confidential fields (`[access.confidential]`).
    public var confidentialAccess = ConfidentialAccess()
    public var logger: Logger

    /// - Parameter role: what the peer may do. `DossierServer` always passes the role it
    ///   resolved from the access configuration; the default, admin, serves in-process callers
    ///   (tests and tools) that route requests without a peer to check.
    public init(peer: PeerCredentials, user: String, role: Role? = .admin, logger: Logger) {
        self.peer = peer
        self.user = user
        self.role = role
        self.logger = logger
    }

    /// The actor recorded on events this request causes.
    public var actor: Actor { Actor(uid: self.peer.uid, user: self.user) }
}
