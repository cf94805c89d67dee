#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the daemon and the client look by default, so that both agree without configuration.
///
/// - socket: `$XDG_RUNTIME_DIR/dossier/dossierd.sock` when that variable is set; otherwise
///   `/run/dossier/dossierd.sock` for root (systemd's `RuntimeDirectory=dossier`), and
///   `/tmp/dossier-<uid>/dossierd.sock` for other users.
/// - data: `/var/lib/dossier` for root (systemd's `StateDirectory=dossier`); otherwise
///   `$XDG_STATE_HOME/dossier` or `~/.local/state/dossier`.
public enum DefaultPaths {
    public static func socketPath(environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return "\(runtime)/dossier/dossierd.sock"
        }
        if getuid() == 0 { return "/run/dossier/dossierd.sock" }
        return "/tmp/dossier-\(getuid())/dossierd.sock"
    }

    public static func dataDirectory(environment: [String: String]) -> String {
        if getuid() == 0 { return "/var/lib/dossier" }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return "\(state)/dossier" }
        let home = environment["HOME"] ?? "/tmp"
        return "\(home)/.local/state/dossier"
    }
}
