import Foundation

/// Permission bits of files, for tests of what the daemon creates.
public enum FileMode {
    /// The permission bits (and set-id and sticky bits) of `path` itself, not following a
    /// symlink; nil when it does not exist.
    public static func of(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }
}
