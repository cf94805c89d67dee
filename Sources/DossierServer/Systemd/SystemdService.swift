import Logging
import ServiceLifecycle

/// Tells systemd when shutdown begins (`STOPPING=1`). Runs last in the service group so that
/// it is the first to hear of a graceful shutdown.
public struct SystemdService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) {
        self.notifier = notifier
    }

    public func run() async throws {
        try? await gracefulShutdown()
        self.notifier.stopping()
    }
}
