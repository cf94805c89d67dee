import DossierProtocol
import Foundation

/// Where the client connects: `--socket`, else `$DOSSIER_SOCKET`, else the daemon's default
/// for this user; when nothing is there but the system service's socket exists, that one.
public enum ClientEnvironment {
    /// Where the systemd units put the socket.
    public static let systemSocketPath = "/run/dossier/dossierd.sock"

    public static func socketPath(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let variable = environment["DOSSIER_SOCKET"], !variable.isEmpty { return variable }
        let personal = DefaultPaths.socketPath(environment: environment)
        if !exists(personal) && exists(Self.systemSocketPath) { return Self.systemSocketPath }
        return personal
    }
}
