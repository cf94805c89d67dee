#if canImport(Glibc)
import Glibc
#endif

/// The `sockaddr_un` of a Unix socket path, for `connect` and `bind`.
public struct UnixSocketAddress: Sendable {
    /// `sun_path` holds 108 bytes, one of them the terminating zero.
    public static let maximumPathLength = 107

    public let path: String

    /// Nil when `path` is longer than `maximumPathLength` bytes.
    public init?(path: String) {
        guard path.utf8.count <= Self.maximumPathLength else { return nil }
        self.path = path
    }

    /// Calls `body` with the address as the socket calls take it.
    public func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: self.path.utf8) }
        return try withUnsafePointer(to: &address) {
            try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                try body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}
