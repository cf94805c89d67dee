import Synchronization

/// Lets at most `burst` log lines through per `interval` and counts the rest, so that a client
/// that hits a limit in a loop cannot flood the journal. The next line that gets through says
/// how many were left out (`log.suppressed`).
public final class LogRateLimiter: Sendable {
    private struct State {
        var windowStart: ContinuousClock.Instant
        var logged = 0
        var suppressed = 0
    }

    public let burst: Int
    public let interval: Duration
    private let state: Mutex<State>

    public init(burst: Int = 10, interval: Duration = .seconds(10)) {
        self.burst = burst
        self.interval = interval
        self.state = Mutex(State(windowStart: .now))
    }

    /// Runs `log` with the number of lines suppressed since the last one that got through, or
    /// counts this line as suppressed when the window's burst is used up.
    public func callAsFunction(_ log: (_ suppressed: Int) -> Void) {
        let suppressed: Int? = self.state.withLock { state in
            let now = ContinuousClock.now
            if now - state.windowStart >= self.interval {
                state.windowStart = now
                state.logged = 0
            }
            guard state.logged < self.burst else {
                state.suppressed += 1
                return nil
            }
            state.logged += 1
            defer { state.suppressed = 0 }
            return state.suppressed
        }
        if let suppressed { log(suppressed) }
    }
}
