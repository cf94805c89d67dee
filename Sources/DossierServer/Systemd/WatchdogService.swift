import Foundation
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// Keeps systemd informed while the daemon runs: `WATCHDOG=1` every half of `WatchdogSec=`
/// (sd_watchdog_enabled(3): `$WATCHDOG_USEC`, for this process when `$WATCHDOG_PID` is absent
/// or names it), and `STATUS=` (events, clients) whenever it changed, checked at each ping and
/// at least every `statusInterval`. Without `$NOTIFY_SOCKET` it only waits for shutdown.
///
/// The pings come from a task on the cooperative pool: a daemon whose tasks cannot run misses
/// them, and systemd restarts it.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier
    /// Time between pings; `nil` when systemd asked for no watchdog.
    let pingInterval: Duration?
    let statusInterval: Duration
    let status: @Sendable () -> String?

    public init(
        notifier: SystemdNotifier, environment: [String: String] = ProcessInfo.processInfo.environment,
        statusInterval: Duration = .seconds(10), status: @escaping @Sendable () -> String?
    ) {
        self.notifier = notifier
        self.pingInterval = Self.watchdogTimeout(environment: environment).map { $0 / 2 }
        self.statusInterval = statusInterval
        self.status = status
    }

    /// The watchdog timeout systemd set for this process, if any.
    public static func watchdogTimeout(environment: [String: String], pid: Int32 = getpid()) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else {
            return nil
        }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty, Int32(owner) != pid { return nil }
        return .microseconds(microseconds)
    }

    public func run() async throws {
        guard self.notifier.isEnabled else {
            try? await gracefulShutdown()
            return
        }
        let tick = self.pingInterval.map { min($0, self.statusInterval) } ?? self.statusInterval
        await cancelWhenGracefulShutdown {
            var lastStatus: String?
            while !Task.isCancelled {
                // First wait: READY=1 (sent by the server once it listens) should come first.
                try? await Task.sleep(for: tick)
                if Task.isCancelled { break }
                var message: [String] = []
                if self.pingInterval != nil { message.append("WATCHDOG=1") }
                if let status = self.status(), status != lastStatus {
                    message.append("STATUS=\(status)")
                    lastStatus = status
                }
                if !message.isEmpty { self.notifier.notify(message.joined(separator: "\n")) }
            }
        }
    }
}
