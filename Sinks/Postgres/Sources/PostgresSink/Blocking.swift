import Foundation

/// Between the blocking daemon client (a thread of its own waits on the socket) and the async
/// PostgreSQL client. The Swift concurrency pool has as many threads as cores (two in CI): a
/// socket read must never occupy one of them.
enum Blocking {
    /// Runs `body` on a new thread and awaits its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// From such a thread (never from a task): runs `body` as a task and waits for it.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        Task {
            do {
                outcome.result = .success(try await body())
            } catch {
                outcome.result = .failure(error)
            }
            outcome.done.signal()
        }
        outcome.done.wait()
        return try outcome.result!.get()
    }

    /// Guard: `result` is written once by the task before it signals `done`, and read by the
    /// waiting thread only after `done`: the semaphore orders the two.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let done = DispatchSemaphore(value: 0)
    }
}
