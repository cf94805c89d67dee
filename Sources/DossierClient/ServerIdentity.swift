import DossierProtocol
#if canImport(Glibc)
import Glibc
#endif

/// Which uids the client accepts as the one serving dossierd's socket.
///
/// Anyone who can create a file at the socket's path (a squatted directory under `/tmp`, a
/// daemon that is not running) can listen there and collect what clients send: customers,
/// complaints, bad records. The client therefore asks the kernel who listens (`SO_PEERCRED`
/// of the connected socket, which the other side cannot fake) and talks only to a uid it
/// trusts, before it sends a byte. It never takes the server's own word (`system.hello`).
public struct ServerIdentity: Hashable, Sendable {
    /// A uid the client accepts, and why, for the message that names them.
    public struct TrustedUID: Hashable, Sendable, CustomStringConvertible {
        public var uid: UInt32
        public var reason: String

        public init(uid: UInt32, reason: String) {
            self.uid = uid
            self.reason = reason
        }

        public var description: String { "\(self.uid) (\(self.reason))" }
    }

    /// The user the systemd unit runs the daemon as (`User=dossier` in `dossierd.service`).
    public static let serviceUser = "dossier"

    /// The accepted uids, each once, in the order the message lists them.
    public let trusted: [TrustedUID]

    private init(_ trusted: [TrustedUID]) {
        var seen: Set<UInt32> = []
        self.trusted = trusted.filter { seen.insert($0.uid).inserted }
    }

    /// Without `--expect-uid`: root (also the owner of a socket systemd activates), the
    /// client's own uid (a daemon the same user started), and the service user when it exists.
    public static func standard(clientUID: UInt32, serviceUID: UInt32?) -> ServerIdentity {
        var trusted = [TrustedUID(uid: 0, reason: "root"), TrustedUID(uid: clientUID, reason: "you")]
        if let serviceUID { trusted.append(TrustedUID(uid: serviceUID, reason: "the \(Self.serviceUser) system user")) }
        return ServerIdentity(trusted)
    }

    /// With `--expect-uid`: root, and exactly the uids named.
    public static func expecting(_ uids: [UInt32]) -> ServerIdentity {
        ServerIdentity([TrustedUID(uid: 0, reason: "root")] + uids.map { TrustedUID(uid: $0, reason: "expected") })
    }

    /// `standard` for the user running this process, looked up once.
    public static let forThisUser = ServerIdentity.standard(
        clientUID: geteuid(), serviceUID: SystemAccounts.uid(ofUser: Self.serviceUser))

    public func accepts(uid: UInt32) -> Bool {
        self.trusted.contains { $0.uid == uid }
    }

    /// Why `server` is refused, or nil when its uid is trusted.
    /// - Parameters:
    ///   - server: who listens on the socket, as the kernel reported it.
    ///   - socketPath: for the message.
    /// - Returns: `ClientError.untrustedServer`, naming the socket, the uid found and the uids accepted.
    public func refusal(of server: PeerCredentials, socketPath: String) -> ClientError? {
        guard !self.accepts(uid: server.uid) else { return nil }
        return .untrustedServer(socketPath: socketPath, server: server, trusted: self.trusted)
    }
}
