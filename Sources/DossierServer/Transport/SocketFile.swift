import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prepares the path of the listening socket: its directory, and what a previous daemon left.
enum SocketFile {
    enum Problem: Error, CustomStringConvertible {
        case alreadyServed(String)
        case notASocket(String)
        case pathTooLong(String)
        case cannotPrepare(String, String)

        var description: String {
            switch self {
            case .alreadyServed(let path):
                return "another dossierd is already serving \(path); stop it first or choose another --socket"
            case .notASocket(let path):
                return "\(path) exists and is not a socket; remove it or choose another --socket"
            case .pathTooLong(let path):
                return "socket path \(path) is longer than the 107 bytes a Unix socket path may have"
            case .cannotPrepare(let path, let reason):
                return "cannot prepare socket \(path): \(reason)"
            }
        }
    }

    /// Creates the socket's directory if missing, and removes a stale socket file left by a
    /// daemon that died; refuses when a live daemon still answers on it.
    static func prepare(_ path: String) throws {
        guard path.utf8.count < 108 else { throw Problem.pathTooLong(path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            } catch {
                throw Problem.cannotPrepare(path, "cannot create \(directory): \(error.localizedDescription)")
            }
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFSOCK else { throw Problem.notASocket(path) }
        if Self.isAnswering(path) { throw Problem.alreadyServed(path) }
        unlink(path)
    }

    /// Whether something accepts connections on the socket at `path`.
    static func isAnswering(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8.prefix(buffer.count - 1))
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return rc == 0
    }

    /// Sets the socket file's mode and, when named, its group.
    static func applyPermissions(_ path: String, mode: UInt16, group: String) throws {
        if !group.isEmpty {
            guard let entry = getgrnam(group) else {
                throw Problem.cannotPrepare(path, "group \(group) does not exist (server.socket_group)")
            }
            guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else {
                throw Problem.cannotPrepare(path, "cannot give it to group \(group): \(String(cString: strerror(errno)))")
            }
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw Problem.cannotPrepare(path, "cannot set its mode: \(String(cString: strerror(errno)))")
        }
    }
}
