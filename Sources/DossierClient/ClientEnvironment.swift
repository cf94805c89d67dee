import DossierProtocol
import Foundation

/// Where the client connects: `--socket`, else `$DOSSIER_SOCKET`, else the daemon's default.
public enum ClientEnvironment {
    public static func socketPath(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let variable = environment["DOSSIER_SOCKET"], !variable.isEmpty { return variable }
        return DefaultPaths.socketPath(environment: environment)
    }
}
