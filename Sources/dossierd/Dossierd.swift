import ArgumentParser
import DossierServer
import DossierProtocol
import Foundation
import Logging

/// `dossierd`: the Dossier daemon (`serve`, the default), and the offline checks of a stopped
/// daemon's log or a backup (`verify`, `replay`). (`DossierdMain` runs it.)
struct Dossierd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossierd",
        abstract: "The Dossier daemon: the event log of customer risk, served on a Unix socket.",
        version: DossierVersion.current,
        subcommands: [Serve.self, OfflineVerify.self, OfflineReplay.self],
        defaultSubcommand: Serve.self)
}

/// Reads its configuration and runs the daemon until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon (the default when no subcommand is given).")

    @Option(name: .long, help: "TOML config file (default: $DOSSIERD_CONFIG, else built-in defaults).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Directory of the log; overrides store.data_dir.")
    var dataDirectory: String?

    @Option(name: .long, help: "Unix socket path; overrides server.socket_path.")
    var socket: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Flag(name: .customLong("check-config"), help: "Validate the configuration, print the effective values, and exit.")
    var checkConfig = false

    @Flag(
        name: .customLong("config-keys"),
        help: "List every config key with its kind of value, default, reload behaviour and variable, and exit.")
    var configKeys = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: DossierdConfiguration
        let sources: ConfigurationSources
        let configurationPath = self.config ?? environment["DOSSIERD_CONFIG"]
        let overrides = ConfigurationLoader.Overrides(
            socketPath: self.socket, dataDirectory: self.dataDirectory, logLevel: self.logLevel)
        do {
            (configuration, sources) = try ConfigurationLoader.loadWithSources(
                path: configurationPath, environment: environment, overrides: overrides)
        } catch {
            Self.fail("dossierd: invalid configuration: \(error)", DaemonStartupError.configuration)
        }
        if self.configKeys {
            print(ConfigurationReport.keys(defaults: ConfigurationLoader.defaults(environment: environment)))
            return
        }
        if self.checkConfig {
            print(ConfigurationReport.render(configuration, sources: sources))
            return
        }

        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "dossierd")
        do {
            try await Daemon(
                configuration: configuration, logger: logger, configurationPath: configurationPath, overrides: overrides
            ).run()
        } catch let error as DaemonStartupError {
            logger.critical("\(error.message)")
            Self.fail("dossierd: \(error.message)", error.exitCode)
        }
    }

    static func fail(_ message: String, _ code: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(code)
    }
}
