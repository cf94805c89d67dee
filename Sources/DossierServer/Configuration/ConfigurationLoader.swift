import DossierCore
import DossierProtocol
import DossierStore
import Foundation
import Logging
import TOMLKit

/// Builds a `DossierdConfiguration` from defaults, a TOML file, `DOSSIERD_*` variables and flags.
public enum ConfigurationLoader {
    /// Values given on the command line; `nil` leaves the lower layers in charge.
    public struct Overrides: Sendable {
        public var socketPath: String?
        public var dataDirectory: String?
        public var logLevel: String?

        public init(socketPath: String? = nil, dataDirectory: String? = nil, logLevel: String? = nil) {
            self.socketPath = socketPath
            self.dataDirectory = dataDirectory
            self.logLevel = logLevel
        }
    }

    /// The configuration with nothing but defaults.
    public static func defaults(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> DossierdConfiguration
    {
        DossierdConfiguration(
            server: ServerConfiguration(socketPath: DefaultPaths.socketPath(environment: environment)),
            store: DossierStore.Configuration(dataDirectory: DefaultPaths.dataDirectory(environment: environment))
        )
    }

    /// Loads `path` (if given) over the defaults, then applies the environment and `overrides`.
    public static func load(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: Overrides = Overrides()
    ) throws(ConfigurationError) -> DossierdConfiguration {
        try Self.loadWithSources(path: path, environment: environment, overrides: overrides).configuration
    }

    /// Like `load`, and says where each value came from, for `dossierd --check-config`.
    public static func loadWithSources(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: Overrides = Overrides()
    ) throws(ConfigurationError) -> (configuration: DossierdConfiguration, sources: ConfigurationSources) {
        var configuration = Self.defaults(environment: environment)
        var sources = ConfigurationSources()
        if let path {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError(key: "", message: "cannot read config file \(path): \(error.localizedDescription)")
            }
            for key in try Self.apply(toml: text, to: &configuration) { sources[key] = "file \(path)" }
        }
        let environmentOverrides = Overrides(
            socketPath: environment["DOSSIERD_SOCKET"], dataDirectory: environment["DOSSIERD_DATA_DIR"],
            logLevel: environment["DOSSIERD_LOG_LEVEL"])
        try Self.apply(environmentOverrides, to: &configuration)
        sources.record(environmentOverrides, as: [
            "server.socket_path": "env DOSSIERD_SOCKET", "store.data_dir": "env DOSSIERD_DATA_DIR",
            "log.level": "env DOSSIERD_LOG_LEVEL",
        ])
        try Self.apply(overrides, to: &configuration)
        sources.record(overrides, as: [
            "server.socket_path": "flag --socket", "store.data_dir": "flag --data-dir", "log.level": "flag --log-level",
        ])
        return (configuration, sources)
    }

    private static func apply(_ overrides: Overrides, to configuration: inout DossierdConfiguration) throws(ConfigurationError) {
        if let socket = overrides.socketPath, !socket.isEmpty { configuration.server.socketPath = socket }
        if let data = overrides.dataDirectory, !data.isEmpty { configuration.store.dataDirectory = data }
        if let level = overrides.logLevel, !level.isEmpty { configuration.logLevel = try Self.logLevel(level, key: "log.level") }
    }

    /// Applies the settings of a TOML document; returns the dotted keys it set.
    @discardableResult
    public static func apply(toml text: String, to configuration: inout DossierdConfiguration) throws(ConfigurationError)
        -> [String]
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                key: "", message: "config is not valid TOML at line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ConfigurationError(key: "", message: "config is not valid TOML: \(error)")
        }
        let root = TOMLSection(table: table, path: "")

        let server = try root.section("server")
        if let value = try server.string("socket_path"), !value.isEmpty { configuration.server.socketPath = value }
        if let value = try server.string("socket_mode") {
            guard let mode = UInt16(value, radix: 8), mode <= 0o777 else {
                throw ConfigurationError(key: "server.socket_mode", message: "must be an octal mode such as \"0660\"")
            }
            configuration.server.socketMode = mode
        }
        if let value = try server.string("socket_group") { configuration.server.socketGroup = value }
        if let value = try server.byteSize("max_line_bytes", in: 1024...(64 << 20)) {
            configuration.server.maximumLineLength = value
        }
        if let value = try server.byteSize("max_buffered_bytes", in: 1024...(1 << 40)) {
            configuration.server.maximumBufferedBytes = value
        }
        if let value = try server.integer("max_in_flight_per_connection", in: 1...10_000) {
            configuration.server.maximumInFlightPerConnection = value
        }
        if let value = try server.integer("max_connections", in: 1...1_000_000) {
            configuration.server.maximumConnections = value
        }
        if let value = try server.integer("idle_timeout_seconds", in: 0...86_400) {
            configuration.server.idleTimeoutSeconds = value
        }
        if let value = try server.integer("event_loop_threads", in: 0...256) { configuration.server.eventLoopThreads = value }
        if let value = try server.integer("shutdown_grace_seconds", in: 1...3600) {
            configuration.server.shutdownGraceSeconds = value
        }

        let store = try root.section("store")
        if let value = try store.string("data_dir"), !value.isEmpty { configuration.store.dataDirectory = value }
        if let value = try store.byteSize("initial_map_size", in: (1 << 20)...(1 << 44)) {
            configuration.store.initialMapSize = value
        }
        if let value = try store.byteSize("max_map_size", in: (1 << 20)...(1 << 44)) {
            configuration.store.maximumMapSize = value
        }
        if let value = try store.integer("max_batch", in: 1...100_000) { configuration.store.maximumBatchSize = value }
        if let value = try store.integer("max_readers", in: 8...100_000) { configuration.store.maximumReaders = value }
        if let value = try store.string("durability") {
            guard let durability = DossierStore.Durability(rawValue: value) else {
                throw ConfigurationError(
                    key: "store.durability",
                    message: "must be one of \(DossierStore.Durability.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.store.durability = durability
        }
        if let value = try store.integer("sync_interval_ms", in: 0...3_600_000) {
            configuration.store.syncIntervalMilliseconds = value
        }
        if let value = try store.string("verify_on_start") {
            guard let verification = DossierStore.StartupVerification(rawValue: value) else {
                throw ConfigurationError(
                    key: "store.verify_on_start",
                    message: "must be one of \(DossierStore.StartupVerification.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.store.verifyOnStart = verification
        }

        let log = try root.section("log")
        if let value = try log.string("level") { configuration.logLevel = try Self.logLevel(value, key: "log.level") }

        try PolicyLoader.apply(try root.section("policy"), to: &configuration.policy)
        try AccessLoader.apply(try root.section("access"), to: &configuration.server.access)
        try root.rejectUnknownKeys()
        try ConfigurationRelations.check(configuration)
        return root.presentKeys()
    }

    static func logLevel(_ text: String, key: String) throws(ConfigurationError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text) else {
            throw ConfigurationError(
                key: key, message: "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
