import Foundation

/// A write whose outcome the client could not learn: a request may have reached the daemon
/// (no reply in time, or the connection closed before the reply), so the daemon may have
/// appended it, or not.
///
/// The request id makes that safe to resolve: the daemon answers a repeat with the same id with
/// the original result and appends nothing (`deduplicated: true` in the receipt), so the caller
/// learns the outcome by sending the same request again with that id.
public struct UnconfirmedWrite: Error, CustomStringConvertible {
    /// The idempotency key every attempt carried.
    public var requestID: UUID
    /// How many times the request was sent.
    public var attempts: Int
    /// The failure of the last attempt: a `ClientError`, or the daemon's `WireError` when a
    /// retry got an answer that does not settle the first attempt.
    public var lastFailure: any Error

    public init(requestID: UUID, attempts: Int, lastFailure: any Error) {
        self.requestID = requestID
        self.attempts = attempts
        self.lastFailure = lastFailure
    }

    /// How the id is printed and sent: lower case, as `--request-id` and receipts show it.
    public var requestIDText: String { self.requestID.uuidString.lowercased() }

    public var description: String {
        let tries = self.attempts == 1 ? "" : " (sent \(self.attempts) times)"
        return "the write may have been applied\(tries): its request id is \(self.requestIDText). "
            + "Re-running the same command with --request-id \(self.requestIDText) is safe: "
            + "the daemon answers a repeat with the original result and appends nothing"
    }
}
