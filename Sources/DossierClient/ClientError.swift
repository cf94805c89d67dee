import DossierProtocol

/// Why the client could not get an answer from the daemon (as opposed to the daemon
/// answering with an error, which is a `WireError`).
public enum ClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing listens on the socket (or it does not exist, or permission is denied).
    case unreachable(socketPath: String, reason: String)
    /// The socket is served by a uid this client does not trust; nothing was sent.
    case untrustedServer(socketPath: String, server: PeerCredentials, trusted: [ServerIdentity.TrustedUID])
    /// No reply within the timeout.
    case timedOut(seconds: Double)
    /// The daemon closed the connection before replying.
    case connectionClosed
    /// The reply was not a JSON reply line.
    case malformedReply(String)

    /// A code in the style of the wire codes, for `--json` error output.
    public var code: String {
        switch self {
        case .unreachable: return "dossier.client.Unreachable"
        case .untrustedServer: return "dossier.client.UntrustedServer"
        case .timedOut: return "dossier.client.Timeout"
        case .connectionClosed: return "dossier.client.ConnectionClosed"
        case .malformedReply: return "dossier.client.MalformedReply"
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let path, let reason):
            return "cannot reach dossierd at \(path) (\(reason)); start it with `scripts/start` "
                + "(or `dossierd &`), or point --socket / DOSSIER_SOCKET at its socket"
        case .untrustedServer(let path, let server, let trusted):
            return "refusing the server at \(path): the kernel says uid \(server.uid) (pid \(server.pid)) serves it, "
                + "but this client accepts only uid " + trusted.map(\.description).joined(separator: ", ")
                + "; nothing was sent. If that process is the dossierd you mean, run again with "
                + "--expect-uid \(server.uid) (or DOSSIER_EXPECT_UID=\(server.uid))"
        case .timedOut(let seconds):
            return "dossierd did not answer within \(seconds) s; raise --timeout or check its log"
        case .connectionClosed:
            return "dossierd closed the connection before answering; it may be shutting down"
        case .malformedReply(let reason):
            return "dossierd sent a reply this client cannot read (\(reason)); are client and daemon the same version?"
        }
    }
}
