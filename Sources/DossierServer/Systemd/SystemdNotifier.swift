import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Speaks systemd's notify protocol (sd_notify(3)): datagrams such as `READY=1` to the socket
/// named by `$NOTIFY_SOCKET`. Without that variable (not under systemd) it does nothing.
public struct SystemdNotifier: Sendable {
    /// The notify socket path; a leading `@` means Linux's abstract namespace.
    public let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isEnabled: Bool { self.socketPath != nil }

    /// Sends `state` (newline-separated assignments); returns whether it was delivered.
    @discardableResult
    public func notify(_ state: String) -> Bool {
        guard let path = self.socketPath, path.utf8.count < 108 else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(path.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        // Abstract addresses count exactly their bytes; file paths may include the terminator.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let message = Array(state.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), socketAddress, length) }
            }
        }
        return sent == message.count
    }

    public func ready(status: String) { self.notify("READY=1\nSTATUS=\(status)") }
    public func stopping() { self.notify("STOPPING=1") }
    public func status(_ text: String) { self.notify("STATUS=\(text)") }
}
