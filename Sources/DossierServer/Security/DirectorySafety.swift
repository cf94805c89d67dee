import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Refuses to run on directories other local users could tamper with.
///
/// - The data directory itself must not be world-writable, not even with the sticky bit: anyone
///   could add files next to the log, and the directory's purpose is to be the daemon's alone.
/// - The socket's directory may be world-writable only with the sticky bit (like /tmp): without
///   it anyone could delete the socket and put their own in its place, and clients would then
///   talk to an impostor.
/// - Every existing directory above either of them may be world-writable only with the sticky
///   bit, for the same reason: whoever can rename a parent can swap the whole subtree.
///
/// Group-writable directories are allowed: the group is the operator's choice (`socket_group`).
public enum DirectorySafety {
    /// Why a directory is unsafe, as one sentence an operator can act on.
    public struct Problem: Error, Hashable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { self.message }
    }

    /// Checks the data directory (which may not exist yet) and its ancestors.
    /// - Returns: warnings that do not stop the daemon (a data directory others may read).
    public static func checkDataDirectory(_ path: String) throws(Problem) -> [String] {
        let absolute = Self.absolute(path)
        var warnings: [String] = []
        if let mode = Self.mode(absolute) {
            if mode & S_IWOTH != 0 {
                throw Problem(
                    path: absolute,
                    message: "the data directory \(absolute) is world-writable (mode \(Self.octal(mode))): "
                        + "any local user could tamper with the log; run chmod 0700 \(absolute)")
            }
            if mode & (S_IRWXG | S_IRWXO) != 0 {
                warnings.append(
                    "the data directory \(absolute) is open to other users (mode \(Self.octal(mode))); "
                        + "chmod 0700 keeps the log private")
            }
        }
        try Self.checkAncestors(of: absolute, role: "the data directory")
        return warnings
    }

    /// Checks the directory of the socket at `socketPath` and its ancestors.
    public static func checkSocketDirectory(ofSocket socketPath: String) throws(Problem) {
        let directory = (Self.absolute(socketPath) as NSString).deletingLastPathComponent
        if let mode = Self.mode(directory), mode & S_IWOTH != 0, mode & S_ISVTX == 0 {
            throw Problem(
                path: directory,
                message: "the socket directory \(directory) is world-writable without the sticky bit "
                    + "(mode \(Self.octal(mode))): any local user could replace the socket; "
                    + "run chmod o-w \(directory) (or chmod +t), or choose another --socket")
        }
        try Self.checkAncestors(of: directory, role: "the socket directory")
    }

    private static func checkAncestors(of path: String, role: String) throws(Problem) {
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty {
            if let mode = Self.mode(current), mode & S_IWOTH != 0, mode & S_ISVTX == 0 {
                throw Problem(
                    path: current,
                    message: "\(current), above \(role) \(path), is world-writable without the sticky bit "
                        + "(mode \(Self.octal(mode))): any local user could swap what lies below it; "
                        + "run chmod o-w \(current) (or chmod +t)")
            }
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// The permission bits of the directory at `path` (following symlinks), or nil when it does
    /// not exist.
    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
