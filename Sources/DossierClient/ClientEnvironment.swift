import DossierProtocol
import Foundation

/// Where the client connects: `--socket`, else `$DOSSIER_SOCKET`, else the daemon's default
/// for this user; when nothing is there but the system service's socket exists, that one.
/// And whom it accepts there: `--expect-uid`, else `$DOSSIER_EXPECT_UID`, else the standard uids.
public enum ClientEnvironment {
    /// Where the systemd units put the socket.
    public static let systemSocketPath = "/run/dossier/dossierd.sock"
    /// Names the uids to accept as the server, separated by commas, when `--expect-uid` is not given.
    public static let expectUIDVariable = "DOSSIER_EXPECT_UID"

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

    /// The uids to accept as the server.
    /// - Parameter flag: the `--expect-uid` values; they win over the environment.
    /// - Throws: `InvalidVariable` when `DOSSIER_EXPECT_UID` is set but is not a list of uids.
    public static func serverIdentity(
        flag: [UInt32], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(InvalidVariable) -> ServerIdentity {
        if !flag.isEmpty { return .expecting(flag) }
        guard let variable = environment[Self.expectUIDVariable], !variable.isEmpty else { return .forThisUser }
        let uids = variable.split(separator: ",", omittingEmptySubsequences: false).map {
            UInt32($0.trimmingCharacters(in: .whitespaces))
        }
        guard !uids.contains(nil) else {
            throw InvalidVariable(name: Self.expectUIDVariable, value: variable, expected: "uids separated by commas")
        }
        return .expecting(uids.compactMap { $0 })
    }

    /// An environment variable the client reads holds something it cannot use.
    public struct InvalidVariable: Error, Hashable, Sendable, CustomStringConvertible {
        public var name: String
        public var value: String
        public var expected: String

        public var description: String { "\(self.name)=\(self.value) is not valid: expected \(self.expected)" }
    }
}
