import DossierProtocol
import DossierStore
import Foundation
import Logging
import ServiceLifecycle

/// Wires a configured daemon: the store, the server and the systemd glue in one
/// `ServiceGroup` that shuts down on SIGTERM or SIGINT, server first, then the writer.
public struct Daemon {
    /// Seconds the service group waits past `server.shutdown_grace_seconds` before it cancels.
    static let shutdownBackstopSeconds = 5

    public let configuration: DossierdConfiguration
    public let logger: Logger
    /// Where `configuration` came from, so that SIGHUP can load it again the same way.
    public let configurationPath: String?
    public let overrides: ConfigurationLoader.Overrides

    public init(
        configuration: DossierdConfiguration, logger: Logger, configurationPath: String? = nil,
        overrides: ConfigurationLoader.Overrides = .init()
    ) {
        self.configuration = configuration
        self.logger = logger
        self.configurationPath = configurationPath
        self.overrides = overrides
    }

    public func run() async throws {
        let monitor = ServerMonitor()
        monitor.bootstrapMetricsSystem()
        try self.checkDirectories()
        let store: DossierStore
        do {
            store = try DossierStore(
                configuration: self.configuration.store, policy: self.configuration.policy, logger: self.logger,
                clock: DaemonClock.make(environment: ProcessInfo.processInfo.environment, logger: self.logger),
                holder: "socket \(self.configuration.server.socketPath)")
        } catch let error as StoreError {
            if case .dataDirectoryInUse = error {
                throw DaemonStartupError(message: error.description, exitCode: DaemonStartupError.unavailable)
            }
            throw DaemonStartupError(
                message: "cannot open the log in \(self.configuration.store.dataDirectory): \(error)",
                exitCode: DaemonStartupError.data)
        } catch {
            throw DaemonStartupError(
                message: "cannot open the log in \(self.configuration.store.dataDirectory): \(error)",
                exitCode: DaemonStartupError.data)
        }
        let head = try store.head()
        self.logger.notice(
            "log opened",
            metadata: [
                "store.path": "\(self.configuration.store.dataDirectory)", "log.head.sequence": "\(head.sequence)",
                "log.head.hash": "\(head.hashHex)",
            ])

        let signer: TreeHeadSigner
        do {
            signer = try TreeHeadSigner.load(from: self.configuration.signingKeyFile)
        } catch {
            await store.shutdown()
            throw DaemonStartupError(message: "\(error)", exitCode: DaemonStartupError.configuration)
        }
        let notifier = SystemdNotifier()
        let listener: DossierServer.Listener = SocketActivation.inheritedListener().map { .inherited($0) } ?? .path
        let server = DossierServer(
            configuration: self.configuration.server, store: store, version: DossierVersion.current,
            listener: listener, logger: self.logger, monitor: monitor, signer: signer,
            onReady: { [logger] in
                notifier.ready(status: "serving \(head.sequence) events")
                logger.notice("ready")
            })
        var groupConfiguration = ServiceGroupConfiguration(
            services: [
                .init(service: store),
                .init(service: server),
                .init(
                    service: WatchdogService(notifier: notifier) { [store, server] in
                        (try? store.head()).map { "serving \($0.sequence) events, \(server.connectionCount) clients" }
                    }),
                .init(
                    service: ConfigurationReloadService(
                        configuration: self.configuration, path: self.configurationPath, overrides: self.overrides,
                        store: store, logger: self.logger)),
                .init(service: SystemdService(notifier: notifier)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [],
            logger: self.logger)
        // The server ends its own connections when the grace period is over; this is only the
        // backstop behind it. Keep both under systemd's TimeoutStopSec.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(
            self.configuration.server.shutdownGraceSeconds + Self.shutdownBackstopSeconds)
        let group = ServiceGroup(configuration: groupConfiguration)
        // The store closes only once the group has ended, so after the server stopped serving:
        // no request can reach a closed log (issue: a store closed at the end of the grace
        // period while a connection was still being served).
        do {
            try await group.run()
        } catch let error as SocketFile.Problem {
            await store.shutdown()
            throw DaemonStartupError(message: error.description, exitCode: error.exitCode)
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
