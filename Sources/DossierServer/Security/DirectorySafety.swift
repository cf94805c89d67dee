import DossierProtocol
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Refuses to run on directories other local users could tamper with.
///
/// - The data directory itself must belong to the daemon's user and must not be world-writable,
///   not even with the sticky bit: anyone could add files next to the log, and the directory's
///   purpose is to be the daemon's alone.
/// - The socket's own directory must belong to the daemon's user or root and must not be
///   world-writable, not even with the sticky bit: whoever owns it, or anyone in a sticky shared
///   directory while the daemon is down, could put their own socket in its place, and clients
///   would then send their requests to an impostor. (A user who made `/tmp/dossier-<uid>/`
///   before the daemon's first start did exactly that.)
/// - Every existing directory above either of them must belong to root or the daemon's user, and
///   may be world-writable only with the sticky bit (like /tmp): whoever can rename an entry in a
///   parent can swap the whole subtree.
///
/// Group-writable directories are allowed: the group is the operator's choice (`socket_group`).
/// Ownership follows OpenSSH's `StrictModes`: root or the user, nobody else.
public enum DirectorySafety {
    /// Why a directory is unsafe, as one sentence an operator can act on.
    public struct Problem: Error, Hashable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { self.message }
    }

    /// Checks the data directory (which may not exist yet) and its ancestors.
    /// - Parameter user: the uid the daemon runs as (its effective uid).
    /// - Returns: warnings that do not stop the daemon (a data directory others may read).
    public static func checkDataDirectory(_ path: String, user: uid_t = geteuid()) throws(Problem) -> [String] {
        let absolute = Self.absolute(path)
        var warnings: [String] = []
        if let status = Self.status(absolute) {
            guard status.isDirectory else {
                throw Problem(
                    path: absolute,
                    message: "the data directory \(absolute) is not a directory; point --data-dir (store.data_dir) "
                        + "at a directory, or at a path that does not exist yet for a new log")
            }
            if status.mode & S_IWOTH != 0 {
                throw Problem(
                    path: absolute,
                    message: "the data directory \(absolute) is world-writable (mode \(Self.octal(status.mode))): "
                        + "any local user could tamper with the log; run chmod 0700 \(absolute)")
            }
            if status.owner != user {
                throw Problem(
                    path: absolute,
                    message: "the data directory \(absolute) belongs to \(Self.describe(status.owner)), not to "
                        + "\(Self.describe(user)) that the daemon runs as: run the daemon as its owner, "
                        + "or chown -R \(user) \(absolute)")
            }
            if status.mode & (S_IRWXG | S_IRWXO) != 0 {
                warnings.append(
                    "the data directory \(absolute) is open to other users (mode \(Self.octal(status.mode))); "
                        + "chmod 0700 keeps the log private")
            }
        }
        try Self.checkAncestors(of: absolute, role: "the data directory", user: user)
        return warnings
    }

    /// Checks the directory of the socket at `socketPath` (which may not exist yet) and its
    /// ancestors.
    /// - Parameter user: the uid the daemon runs as (its effective uid).
    public static func checkSocketDirectory(ofSocket socketPath: String, user: uid_t = geteuid()) throws(Problem) {
        let directory = (Self.absolute(socketPath) as NSString).deletingLastPathComponent
        if let status = Self.status(directory) {
            guard status.isDirectory else {
                throw Problem(path: directory, message: "the socket directory \(directory) is not a directory")
            }
            if status.owner != user && status.owner != 0 {
                throw Problem(
                    path: directory,
                    message: "the socket directory \(directory) belongs to \(Self.describe(status.owner)), neither to "
                        + "\(Self.describe(user)) that the daemon runs as nor to root: its owner could replace the "
                        + "socket and receive the clients' requests; remove the directory (the daemon creates it), "
                        + "or choose another --socket")
            }
            if status.mode & S_IWOTH != 0 {
                let sticky = status.mode & S_ISVTX != 0
                throw Problem(
                    path: directory,
                    message: sticky
                        ? "the socket directory \(directory) is world-writable (mode \(Self.octal(status.mode))): "
                            + "while the daemon is not running any local user could put a socket there, and "
                            + "clients would talk to it; give the socket a directory of its own, such as "
                            + "--socket \(directory)/dossier/dossierd.sock (the daemon creates it, mode 0700)"
                        : "the socket directory \(directory) is world-writable without the sticky bit "
                            + "(mode \(Self.octal(status.mode))): any local user could replace the socket; "
                            + "run chmod o-w \(directory), or choose another --socket")
            }
        }
        try Self.checkAncestors(of: directory, role: "the socket directory", user: user)
    }

    private static func checkAncestors(of path: String, role: String, user: uid_t) throws(Problem) {
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty {
            if let status = Self.status(current) {
                if status.mode & S_IWOTH != 0, status.mode & S_ISVTX == 0 {
                    throw Problem(
                        path: current,
                        message: "\(current), above \(role) \(path), is world-writable without the sticky bit "
                            + "(mode \(Self.octal(status.mode))): any local user could swap what lies below it; "
                            + "run chmod o-w \(current) (or chmod +t)")
                }
                if status.owner != user && status.owner != 0 {
                    throw Problem(
                        path: current,
                        message: "\(current), above \(role) \(path), belongs to \(Self.describe(status.owner)), "
                            + "neither to root nor to \(Self.describe(user)) that the daemon runs as: its owner "
                            + "could swap what lies below it; move the daemon's files elsewhere")
                }
            }
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// What `stat` says about a path (following symlinks).
    struct Status {
        var mode: mode_t
        var owner: uid_t
        var isDirectory: Bool
    }

    /// The status of `path`, or nil when it does not exist.
    static func status(_ path: String) -> Status? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Status(
            mode: status.st_mode & 0o7777, owner: status.st_uid, isDirectory: (status.st_mode & S_IFMT) == S_IFDIR)
    }

    /// `uid 65534 (nobody)`, or `uid 61001` when the uid has no password entry.
    private static func describe(_ uid: uid_t) -> String {
        let name = PeerCredentials.userName(of: uid)
        return name == "uid\(uid)" ? "uid \(uid)" : "uid \(uid) (\(name))"
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
