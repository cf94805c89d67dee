import DossierCore
import Synchronization

/// A clock tests set and advance by hand, so that deadlines and numbers are predictable.
public final class TestClock: Sendable {
    private let now: Mutex<Timestamp>

    public init(_ start: Timestamp = Timestamp(iso8601: "2024-03-01T02:00:00Z")!) {
        self.now = Mutex(start)
    }

    public func read() -> Timestamp { self.now.withLock { $0 } }

    public func set(_ time: Timestamp) { self.now.withLock { $0 = time } }

    public func advance(minutes: Int) { self.now.withLock { $0 = $0.adding(minutes: minutes) } }
}
