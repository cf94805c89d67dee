import Foundation

/// Sends a write again, with the same request id, when an attempt's outcome is unknown.
///
/// Each attempt carries the same `requestId`, so the daemon appends the command at most once:
/// a repeat of a command it already appended gets the original result back. Only failures that
/// leave the outcome unknown are retried: no reply within the timeout, or the connection closed
/// before the reply; and, once an attempt may have reached the daemon, also a daemon that cannot
/// be reached for a moment (it is restarting). An answer from the daemon, even an error, ends
/// the retries. When the retries are used up, or an attempt after an unknown one fails, the
/// failure is an `UnconfirmedWrite` that carries the request id.
public struct WriteRetry: Sendable {
    /// The idempotency key of every attempt.
    public let requestID: UUID
    /// Attempts after the first; 0 sends the request once.
    public let retries: Int

    public init(requestID: UUID, retries: Int) {
        self.requestID = requestID
        self.retries = retries
    }

    /// Seconds to wait before retry `number` (1, 2, ...): 0.25, 0.5, 1, then 2 s each, short
    /// enough to ride out a stalled commit or a restart, long enough not to hammer the daemon.
    public static func delay(beforeRetry number: Int) -> Double {
        min(0.25 * Double(1 << min(number - 1, 4)), 2)
    }

    /// Runs `attempt` (which connects and sends the request) until it returns, an error settles
    /// the outcome, or the retries are used up.
    /// - Parameter sleep: waits the given seconds between attempts.
    /// - Throws: the first attempt's error when nothing may have been sent; `UnconfirmedWrite`
    ///   when some attempt may have reached the daemon.
    public func run<Result>(
        sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }, _ attempt: () throws -> Result
    ) throws -> Result {
        var attempts = 0
        var outcomeUnknown = false
        while true {
            attempts += 1
            do {
                return try attempt()
            } catch {
                let unknown = Self.leavesOutcomeUnknown(error)
                outcomeUnknown = outcomeUnknown || unknown
                guard outcomeUnknown else { throw error }
                guard unknown || Self.isTransient(error), attempts <= self.retries else {
                    throw UnconfirmedWrite(requestID: self.requestID, attempts: attempts, lastFailure: error)
                }
                sleep(Self.delay(beforeRetry: attempts))
            }
        }
    }

    /// The request may have reached the daemon, and no answer says what became of it.
    static func leavesOutcomeUnknown(_ error: any Error) -> Bool {
        switch error as? ClientError {
        case .timedOut, .connectionClosed: return true
        default: return false
        }
    }

    /// Nothing was sent, but the daemon may be back soon: worth a retry only after an attempt
    /// whose outcome is unknown (on a first attempt it means the write certainly did not happen).
    static func isTransient(_ error: any Error) -> Bool {
        if case .unreachable = error as? ClientError { return true }
        return false
    }
}
