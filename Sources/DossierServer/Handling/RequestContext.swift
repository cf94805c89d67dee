import DossierCore
import DossierProtocol
import Logging

/// What a handler knows about the request it serves.
public struct RequestContext: Sendable {
    /// The authenticated caller.
    public var peer: PeerCredentials
    /// The peer's user name from the password database.
    public var user: String
    public var logger: Logger

    public init(peer: PeerCredentials, user: String, logger: Logger) {
        self.peer = peer
        self.user = user
        self.logger = logger
    }

    /// The actor recorded on events this request causes.
    public var actor: Actor { Actor(uid: self.peer.uid, user: self.user) }
}
