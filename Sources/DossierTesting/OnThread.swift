import Foundation

/// Runs blocking work (a synchronous client waiting on a socket) on a thread of its own.
///
/// The Swift concurrency pool has one thread per core, two on the CI machine: two tasks
/// blocked in `read` waiting for events that a third task should write would hang the suite.
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}
