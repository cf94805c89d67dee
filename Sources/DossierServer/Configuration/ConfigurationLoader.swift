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

        /// Each override's key, with its flag and value.
        var byKey: [(key: String, (flag: String, value: String?))] {
            [
                ("server.socket_path", ("--socket", self.socketPath)),
                ("store.data_dir", ("--data-dir", self.dataDirectory)),
                ("log.level", ("--log-level", self.logLevel)),
            ]
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
            for key in try Self.applyFile(toml: text, to: &configuration) { sources[key] = "file \(path)" }
        }
        for key in ConfigKeys.all {
            guard let variable = key.environment, let text = environment[variable], !text.isEmpty,
                let applyText = key.applyText
            else { continue }
            try applyText(text, &configuration)
            sources[key.key] = "env \(variable)"
        }
        for (name, (flag, text)) in overrides.byKey {
            guard let text, !text.isEmpty, let applyText = ConfigKeys.byKey[name]?.applyText else { continue }
            try applyText(text, &configuration)
            sources[name] = "flag \(flag)"
        }
        try ConfigurationRelations.check(configuration)
        return (configuration, sources)
    }

    /// Applies the settings of a TOML document and checks the result; returns the dotted keys
    /// it set.
    @discardableResult
    public static func apply(toml text: String, to configuration: inout DossierdConfiguration) throws(ConfigurationError)
        -> [String]
    {
        let keys = try Self.applyFile(toml: text, to: &configuration)
        try ConfigurationRelations.check(configuration)
        return keys
    }

    /// Reads every key of `ConfigKeys.all` that the document sets; refuses a key it does not
    /// know (usually a typo).
    private static func applyFile(toml text: String, to configuration: inout DossierdConfiguration) throws(ConfigurationError)
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
        for key in ConfigKeys.all { try key.apply(try root.descendant(key.section), &configuration) }
        try root.rejectUnknownKeys()
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
