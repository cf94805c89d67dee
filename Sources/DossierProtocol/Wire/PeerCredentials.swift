#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a connected Unix socket, as the kernel says (`SO_PEERCRED`): not a
/// claim the other side can make up.
///
/// Both ends use it: the daemon to learn who calls, the client to learn who serves the socket.
/// For the client, the kernel reports the process that called `listen` on the socket: the
/// daemon, or systemd (pid 1, uid 0) when the socket was activated by `dossierd.socket`.
public struct PeerCredentials: Hashable, Sendable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Layout-identical to Glibc's `struct ucred`, which Swift does not import; the buffer that
    /// `getsockopt(SOL_SOCKET, SO_PEERCRED)` fills.
    public struct KernelLayout: Sendable {
        public var pid: Int32 = 0
        public var uid: UInt32 = 0
        public var gid: UInt32 = 0

        public init() {}
    }

    public init(_ layout: KernelLayout) {
        self.init(pid: layout.pid, uid: layout.uid, gid: layout.gid)
    }

    /// Reads the credentials of the peer of the connected Unix socket `descriptor`.
    /// - Throws: the `errno` of the failed `getsockopt` (`ENOTCONN`, `ENOTSOCK`...).
    public static func ofPeer(socket descriptor: Int32) throws(Errno) -> PeerCredentials {
        var layout = KernelLayout()
        var length = socklen_t(MemoryLayout<KernelLayout>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &layout, &length) == 0 else { throw Errno(code: errno) }
        return PeerCredentials(layout)
    }

    /// The user name of `uid` from the password database, or `uid<N>` when it has none.
    public static func userName(of uid: UInt32) -> String {
        SystemAccounts.userName(of: uid) ?? "uid\(uid)"
    }
}

/// A failed system call's `errno`, with the C library's text for it.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int32

    public init(code: Int32) { self.code = code }

    public var description: String { String(cString: strerror(self.code)) }
}
