import ArgumentParser
import DossierClient
import DossierCore
import Foundation

/// Options of every command that appends: its idempotency key, and how often to resend it when
/// the outcome is unknown.
struct WriteOptions: ParsableArguments {
    @Option(
        name: .customLong("request-id"),
        help: ArgumentHelp(
            "Idempotency key (UUID) to make a repeat safe (default: a new one).",
            discussion: """
                A repeat with the same key appends nothing and returns the original result. When the outcome \
                is unknown (timeout, lost connection), the error names the key that was sent.
                """,
            valueName: "uuid"))
    var requestID: UUID?

    @Option(
        help: ArgumentHelp(
            "After a timeout or a lost connection, resend up to this many times.",
            discussion: """
                Each retry reconnects and sends the same request with the same request id, after a short \
                pause (0.25 s, doubling up to 2 s), so the write is appended at most once.
                """,
            valueName: "n"))
    var retry: Int = 0

    func validate() throws {
        guard (0...100).contains(self.retry) else { throw ValidationError("--retry must be from 0 to 100") }
    }

    /// The attempts of this write: the given request id, or a new time-ordered one.
    func attempts() -> WriteRetry {
        WriteRetry(requestID: self.requestID ?? TimeOrderedUUID().next(), retries: self.retry)
    }
}
