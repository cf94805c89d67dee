#if canImport(Glibc)
import Glibc
#endif

/// Users in the system's password database (`/etc/passwd`, or whatever NSS is configured to ask),
/// looked up with the reentrant calls.
public enum SystemAccounts {
    /// The uid of the user called `name`, or nil when there is no such user.
    public static func uid(ofUser name: String) -> UInt32? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_uid
    }

    /// The name of `uid`, or nil when it has no entry.
    public static func userName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_name.map { String(cString: $0) }
    }
}
