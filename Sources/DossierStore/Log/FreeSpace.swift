#if canImport(Glibc)
import Glibc
#endif

/// How much room the file system of the log has left.
enum FreeSpace {
    /// Less than this is "full": LMDB cannot write a commit's pages into it.
    static let minimumBytes: UInt64 = 1 << 20

    /// Whether the file system holding `path` has (almost) no space left for the daemon's user.
    static func isExhausted(at path: String) -> Bool {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return false }
        return UInt64(status.f_bavail) * UInt64(status.f_frsize) < Self.minimumBytes
    }
}
