import Dispatch
import DossierStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// What a reload found: keys whose values differ between the running and the new
/// configuration, as `section.key` names.
public struct ConfigurationChanges: Sendable, Hashable {
    /// `[policy...]` keys: applied at once.
    public var applied: [String]
    /// Every other key: takes effect at the next start.
    public var needRestart: [String]

    public var isEmpty: Bool { self.applied.isEmpty && self.needRestart.isEmpty }

    /// The keys whose effective values differ, each sorted by what its declaration
    /// (`ConfigKey.reload`) says a change does.
    public static func between(_ old: DossierdConfiguration, _ new: DossierdConfiguration) -> ConfigurationChanges {
        let changed = ConfigKeys.all.filter { $0.render(old) != $0.render(new) }
        return ConfigurationChanges(
            applied: changed.filter { $0.reload == .applies }.map(\.key).sorted(),
            needRestart: changed.filter { $0.reload == .needsRestart }.map(\.key).sorted())
    }
}

/// Rereads the config file on SIGHUP (`systemctl reload dossierd`): the `[policy]` section
/// applies at once to every later command; other changes are logged as needing a restart. A
/// config that does not load is refused whole and the running values stay.
public final class ConfigurationReloadService: Service, Sendable {
    private let path: String?
    private let overrides: ConfigurationLoader.Overrides
    private let store: DossierStore
    private let logger: Logger
    /// What runs now: the start configuration with every policy reloaded since.
    private let running: Mutex<DossierdConfiguration>

    public init(
        configuration: DossierdConfiguration, path: String?, overrides: ConfigurationLoader.Overrides,
        store: DossierStore, logger: Logger
    ) {
        self.path = path
        self.overrides = overrides
        self.store = store
        self.logger = logger
        self.running = Mutex(configuration)
    }

    public func run() async throws {
        // SIGHUP would end the process by default: take it over before listening for it.
        signal(SIGHUP, SIG_IGN)
        let (hangups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.resume()
        defer { source.cancel() }
        for await _ in hangups.cancelOnGracefulShutdown() {
            self.reload()
        }
    }

    /// Loads the config file again and applies what may change while running.
    @discardableResult
    public func reload(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigurationChanges? {
        let fresh: DossierdConfiguration
        do {
            fresh = try ConfigurationLoader.load(path: self.path, environment: environment, overrides: self.overrides)
        } catch {
            self.logger.error(
                "config reload refused; the running configuration stays",
                metadata: ["config.path": "\(self.path ?? "none")", "error": "\(error)"])
            return nil
        }
        let changes = self.running.withLock { running in
            let changes = ConfigurationChanges.between(running, fresh)
            running.policy = fresh.policy
            return changes
        }
        if !changes.applied.isEmpty { self.store.updatePolicy(fresh.policy) }
        self.logger.notice(
            "config reloaded",
            metadata: [
                "config.path": "\(self.path ?? "none (built-in defaults)")",
                "config.changed": "\(changes.applied.isEmpty ? "nothing" : changes.applied.joined(separator: ", "))",
            ])
        if !changes.needRestart.isEmpty {
            self.logger.warning(
                "config changes need a restart to take effect",
                metadata: ["config.needs_restart": "\(changes.needRestart.joined(separator: ", "))"])
        }
        return changes
    }
}
