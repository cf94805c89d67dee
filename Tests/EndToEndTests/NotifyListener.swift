import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for systemd's notify socket: a datagram socket that collects messages.
final class NotifyListener {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, rc == 0 else { throw POSIXError(.EADDRINUSE) }
        self.descriptor = fd
    }

    deinit {
        close(self.descriptor)
        unlink(self.path)
    }

    /// The next datagram, waiting at most `timeoutSeconds`.
    func receive(timeoutSeconds: Int) throws -> String {
        var time = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw POSIXError(.ETIMEDOUT) }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
