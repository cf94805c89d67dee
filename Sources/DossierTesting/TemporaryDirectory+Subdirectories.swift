import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TemporaryDirectory {
    /// Creates `name` (and any missing directories above it) inside this directory, with exactly
    /// `mode` (the umask does not apply) and, when given, `owner`; returns its path.
    /// - Throws: when the directory cannot be created, its mode set or its owner changed (that
    ///   needs root).
    public func makeDirectory(_ name: String, mode: mode_t, owner: uid_t? = nil) throws -> String {
        let path = self.appending(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard chmod(path, mode) == 0 else { throw Self.failure("chmod", path) }
        // gid_t.max is (gid_t)-1: the group stays as it is.
        if let owner, chown(path, owner, gid_t.max) != 0 { throw Self.failure("chown", path) }
        return path
    }

    /// A directory `name` (mode 0700) inside this one, for tests that need the daemon's files one
    /// level further down; it goes when this directory is removed.
    public func subdirectory(_ name: String) throws -> TemporaryDirectory {
        TemporaryDirectory(existing: try self.makeDirectory(name, mode: 0o700))
    }

    private init(existing path: String) {
        self.path = path
    }

    private static func failure(_ call: String, _ path: String) -> any Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(call) \(path): \(String(cString: strerror(errno)))"])
    }
}
