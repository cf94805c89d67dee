import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs processes as other users, for tests of roles by peer credentials.
///
/// Needs root (to change uid) and util-linux's `setpriv`. Any uid works, with or without an
/// entry in the password database.
public enum OtherUsers {
    public static let setpriv = "/usr/bin/setpriv"

    /// Why tests that switch users cannot run here, or nil when they can.
    public static var unavailableReason: String? {
        if getuid() != 0 { return "switching to another uid needs root; these tests run as uid \(getuid())" }
        if !FileManager.default.isExecutableFile(atPath: Self.setpriv) { return "\(Self.setpriv) is missing (util-linux)" }
        return nil
    }

    /// Runs `executable` as `uid` (with gid `uid` and no supplementary groups).
    public static func run(
        _ executable: String, _ arguments: [String], uid: UInt32, environment: [String: String] = [:]
    ) throws -> ProcessOutput {
        try ProcessRunner.run(
            Self.setpriv, Self.setprivArguments(uid: uid) + [executable] + arguments, environment: environment)
    }

    /// `setpriv`'s arguments to run what follows as `uid`, with gid `uid` and no supplementary groups.
    public static func setprivArguments(uid: UInt32) -> [String] {
        ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "--"]
    }
}

extension DaemonProcess {
    /// Runs the real `dossier` client against this daemon as `uid`. The socket (mode) and its
    /// directories (search permission) must let that user in.
    public func cli(
        _ arguments: [String], asUID uid: UInt32, environment: [String: String] = [:]
    ) throws -> ProcessOutput {
        try OtherUsers.run(
            BuiltProducts.dossier, arguments, uid: uid,
            environment: environment.merging(["DOSSIER_SOCKET": self.socketPath, "HOME": "/"]) { $1 })
    }

    /// Writes `toml` to a config file in `directory` and returns the `--config` arguments for it.
    public static func configArguments(_ toml: String, in directory: TemporaryDirectory) throws -> [String] {
        let path = directory.appending("dossierd.toml")
        try toml.write(toFile: path, atomically: true, encoding: .utf8)
        return ["--config", path]
    }
}
