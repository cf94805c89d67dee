import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Daemon {
    /// Refuses to start on a data or socket directory other local users could tamper with
    /// (see `DirectorySafety`); exits with EX_CONFIG (78).
    func checkDirectories(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        do {
            for warning in try DirectorySafety.checkDataDirectory(self.configuration.store.dataDirectory) {
                self.logger.warning("\(warning)")
            }
            // Under socket activation systemd made the socket and its directory.
            let activated = environment["LISTEN_PID"].flatMap(Int32.init) == getpid()
            if !activated {
                try DirectorySafety.checkSocketDirectory(ofSocket: self.configuration.server.socketPath)
            }
        } catch {
            throw DaemonStartupError(message: error.message, exitCode: DaemonStartupError.configuration)
        }
    }
}
