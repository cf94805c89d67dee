import Synchronization

/// A write that has been queued to the writer and will complete once its batch commits.
///
/// Queuing happens when the `PendingWrite` is made, synchronously, so a caller that queues
/// several writes one after another gets them appended in that order, even though it awaits
/// their outcomes later (pipelined requests of one connection rely on this).
public final class PendingWrite<Value: Sendable>: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Value, any Error>])
        case done(Result<Value, any Error>)
    }

    private let state = Mutex(State.waiting([]))

    init() {}

    func complete(_ result: Result<Value, any Error>) {
        let waiters: [CheckedContinuation<Value, any Error>] = self.state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .done(result)
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// The outcome: the value once committed, or the error that failed the write.
    public func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<Value, any Error>? = self.state.withLock { state in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .done(let result):
                    return result
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }
}
