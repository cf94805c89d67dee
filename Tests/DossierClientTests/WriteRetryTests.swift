import DossierClient
import DossierProtocol
import Foundation
import Testing

@Suite("Resending a write whose outcome is unknown")
struct WriteRetryTests {
    static let requestID = UUID()

    /// Runs `retry` over attempts that fail with `failures` in turn and then succeed; returns
    /// the outcome, the attempts made and the pauses taken.
    static func run(
        retries: Int, failures: [any Error]
    ) -> (result: Result<Int, any Error>, attempts: Int, pauses: [Double]) {
        var attempts = 0
        var pauses: [Double] = []
        let retry = WriteRetry(requestID: Self.requestID, retries: retries)
        let result = Result {
            try retry.run(sleep: { pauses.append($0) }) {
                attempts += 1
                if attempts <= failures.count { throw failures[attempts - 1] }
                return attempts
            }
        }
        return (result, attempts, pauses)
    }

    @Test func aTimeoutIsResentUntilItSucceeds() throws {
        let run = Self.run(retries: 3, failures: [ClientError.timedOut(seconds: 1), ClientError.connectionClosed])
        #expect(try run.result.get() == 3)
        #expect(run.pauses == [0.25, 0.5])
    }

    @Test func withoutRetriesATimeoutIsAnUnconfirmedWrite() throws {
        let run = Self.run(retries: 0, failures: [ClientError.timedOut(seconds: 1)])
        #expect(run.attempts == 1)
        let failure = try #require(Self.unconfirmed(run.result))
        #expect(failure.requestID == Self.requestID)
        #expect(failure.attempts == 1)
        #expect(failure.lastFailure as? ClientError == .timedOut(seconds: 1))
    }

    @Test func whenTheRetriesAreUsedUpTheLastFailureIsKept() throws {
        let run = Self.run(retries: 2, failures: Array(repeating: ClientError.connectionClosed, count: 5))
        #expect(run.attempts == 3)
        let failure = try #require(Self.unconfirmed(run.result))
        #expect(failure.attempts == 3)
        #expect(failure.lastFailure as? ClientError == .connectionClosed)
    }

    @Test func aDaemonThatCannotBeReachedAtFirstGotNothing() throws {
        let unreachable = ClientError.unreachable(socketPath: "/s", reason: "Connection refused")
        let run = Self.run(retries: 3, failures: [unreachable])
        // Nothing was sent, so the write certainly did not happen: no retry, no request id.
        #expect(run.attempts == 1)
        #expect(throws: unreachable) { try run.result.get() }
    }

    @Test func aDaemonThatIsRestartingAfterATimeoutIsWaitedFor() throws {
        let unreachable = ClientError.unreachable(socketPath: "/s", reason: "Connection refused")
        let run = Self.run(retries: 3, failures: [ClientError.timedOut(seconds: 1), unreachable, unreachable])
        #expect(try run.result.get() == 4)
    }

    @Test func anAnswerEndsTheRetriesAndAfterAnUnknownAttemptKeepsTheRequestId() throws {
        let refused = WireError(code: .forbidden, message: "no")
        let first = Self.run(retries: 3, failures: [refused])
        #expect(first.attempts == 1)
        #expect(throws: refused) { try first.result.get() }

        let later = Self.run(retries: 3, failures: [ClientError.timedOut(seconds: 1), refused])
        #expect(later.attempts == 2)
        let failure = try #require(Self.unconfirmed(later.result))
        #expect(failure.lastFailure as? WireError == refused)
    }

    @Test func pausesGrowAndStayShort() {
        #expect((1...7).map(WriteRetry.delay(beforeRetry:)) == [0.25, 0.5, 1, 2, 2, 2, 2])
    }

    static func unconfirmed(_ result: Result<Int, any Error>) -> UnconfirmedWrite? {
        guard case .failure(let error) = result else { return nil }
        return error as? UnconfirmedWrite
    }
}
