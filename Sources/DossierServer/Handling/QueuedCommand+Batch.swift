import DossierStore
import Synchronization

extension QueuedCommand {
    /// Many commands queued by one request (a bulk method): the result is built once every one
    /// of them is done, from their outcomes in the order they were queued. Each failed or
    /// succeeded alone; none fails the request.
    init<Outcome: Sendable>(
        all pending: [PendingWrite<Outcome>],
        result: @escaping @Sendable ([Swift.Result<Outcome, any Error>]) throws -> Result
    ) {
        self.whenComplete = { body in
            guard !pending.isEmpty else {
                body { try result([]) }
                return
            }
            let collected = Mutex(BatchOutcomes<Outcome>(count: pending.count))
            for (index, write) in pending.enumerated() {
                write.whenComplete { outcome in
                    // The last outcome to arrive builds the result (on that write's thread,
                    // which only hands the closure on: `body` runs it where the reply is built).
                    guard let all = collected.withLock({ $0.record(outcome, at: index) }) else { return }
                    body { try result(all) }
                }
            }
        }
    }
}

/// The outcomes of a bulk request's writes as they arrive, in any order.
private struct BatchOutcomes<Outcome> {
    var outcomes: [Swift.Result<Outcome, any Error>?]
    var missing: Int

    init(count: Int) {
        self.outcomes = Array(repeating: nil, count: count)
        self.missing = count
    }

    /// Records one; returns them all, in order, once the last has come.
    mutating func record(_ outcome: Swift.Result<Outcome, any Error>, at index: Int) -> [Swift.Result<Outcome, any Error>]? {
        self.outcomes[index] = outcome
        self.missing -= 1
        return self.missing == 0 ? self.outcomes.map { $0! } : nil
    }
}
