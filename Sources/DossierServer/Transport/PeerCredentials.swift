import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a Unix socket, as the kernel says (SO_PEERCRED): not a claim
/// the client can make up.
public struct PeerCredentials: Hashable, Sendable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Layout-identical to Glibc's `struct ucred`, which Swift does not import.
    private struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// Reads the credentials of `channel`'s peer.
    public static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        // getOption(ChannelOptions.socketOption) reads only an Int32 and would lose uid and gid.
        let credentials: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: .socket, name: .init(rawValue: SO_PEERCRED))
        return credentials.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
    }

    /// The user name of `uid` from the password database, or `uid<N>` when it has none.
    public static func userName(of uid: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let rc = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard rc == 0, result != nil, let name = entry.pw_name else { return "uid\(uid)" }
        return String(cString: name)
    }
}
