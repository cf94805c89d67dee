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
        /// The socket's directory is one others could tamper with (`DirectorySafety`).
        case unsafeDirectory(DirectorySafety.Problem)

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
            case .unsafeDirectory(let problem):
                return problem.message
            }
        }

        /// The exit status of a daemon that stops on this problem (sysexits.h): a directory
        /// others could tamper with is a configuration error, the rest make the socket unavailable.
        var exitCode: Int32 {
            if case .unsafeDirectory = self { return DaemonStartupError.configuration }
            return DaemonStartupError.unavailable
        }
    }

    /// Creates the socket's directory if missing, checks who owns it, and removes a stale
    /// socket file left by a daemon that died; refuses when a live daemon still answers on it.
    ///
    /// A missing directory is created with mode 0700, or 0750 and `group` when a group is
    /// configured (`server.socket_group`) so that its members can reach the socket; so are any
    /// missing directories above it.
    static func prepare(_ path: String, group: String = "") throws {
        guard path.utf8.count < 108 else { throw Problem.pathTooLong(path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try Self.createDirectory(directory, group: group, for: path) }
        // Checked again now that it exists: someone may have made it between the daemon's
        // start-up check and here, and then it is theirs.
        do {
            try DirectorySafety.checkSocketDirectory(ofSocket: path)
        } catch {
            throw Problem.unsafeDirectory(error)
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFSOCK else { throw Problem.notASocket(path) }
        if Self.isAnswering(path) { throw Problem.alreadyServed(path) }
        unlink(path)
    }

    /// Creates `directory` and any missing directories above it, each private to the daemon (and
    /// `group`); leaves existing ones as they are.
    private static func createDirectory(_ directory: String, group: String, for path: String) throws {
        var missing: [String] = []
        var current = directory
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        guard !missing.isEmpty else { return }
        let groupID = group.isEmpty ? nil : try Self.groupID(group, for: path)
        let mode: mode_t = groupID == nil ? 0o700 : 0o750
        for created in missing.reversed() {
            guard mkdir(created, mode) == 0 else {
                // Made meanwhile by someone else: left alone, the check after creation judges it.
                if errno == EEXIST { continue }
                throw Problem.cannotPrepare(path, "cannot create \(created): \(String(cString: strerror(errno)))")
            }
            // Exactly `mode`, whatever the umask took away.
            if chmod(created, mode) != 0 {
                throw Problem.cannotPrepare(
                    path, "cannot set the mode of \(created): \(String(cString: strerror(errno)))")
            }
            if let groupID, chown(created, uid_t.max, groupID) != 0 {
                throw Problem.cannotPrepare(
                    path, "cannot give \(created) to group \(group): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The gid of `group`.
    /// - Throws: `Problem.cannotPrepare` when there is no such group.
    private static func groupID(_ group: String, for path: String) throws -> gid_t {
        guard let entry = getgrnam(group) else {
            throw Problem.cannotPrepare(path, "group \(group) does not exist (server.socket_group)")
        }
        return entry.pointee.gr_gid
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
            guard chown(path, uid_t.max, try Self.groupID(group, for: path)) == 0 else {
                throw Problem.cannotPrepare(path, "cannot give it to group \(group): \(String(cString: strerror(errno)))")
            }
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw Problem.cannotPrepare(path, "cannot set its mode: \(String(cString: strerror(errno)))")
        }
    }
}
