import Synchronization

/// A write that has been queued to the writer and will complete once its batch commits.
///
/// Queuing happens when the `PendingWrite` is made, synchronously, so a caller that queues
/// several writes one after another gets them appended in that order, even though it awaits
/// their outcomes later (pipelined requests of one connection rely on this).
public final class PendingWrite<Value: Sendable>: Sendable {
    public typealias Completion = @Sendable (Result<Value, any Error>) -> Void

    private enum State {
        case waiting([Completion])
        case done(Result<Value, any Error>)
    }

    private let state = Mutex(State.waiting([]))

    init() {}

    func complete(_ result: Result<Value, any Error>) {
        let waiters: [Completion] = self.state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .done(result)
            return waiters
        }
        for waiter in waiters { waiter(result) }
    }

    /// Calls `body` with the outcome once it is known: on the writer's thread when the write is
    /// still pending (so `body` must be quick and hand real work elsewhere), at once otherwise.
    public func whenComplete(_ body: @escaping Completion) {
        let result: Result<Value, any Error>? = self.state.withLock { state in
            switch state {
            case .waiting(let waiters):
                state = .waiting(waiters + [body])
                return nil
            case .done(let result):
                return result
            }
        }
        if let result { body(result) }
    }

    /// The outcome: the value once committed, or the error that failed the write.
    public func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            self.whenComplete { continuation.resume(with: $0) }
        }
    }
}
