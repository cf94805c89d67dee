import Synchronization

/// Lets readers wait for the log to grow: the writer announces each committed head, and a
/// follower of the log (`log.follow`) sleeps until there is something past what it sent,
/// instead of polling.
final class HeadWatch: Sendable {
    private struct Waiter {
        var sequence: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var head: UInt64
        var nextID = 0
        var waiters: [Int: Waiter] = [:]
        /// Waits given an id but not registered yet, and whether their timer or cancellation
        /// already came.
        var unregistered: [Int: Bool] = [:]
    }

    private let state: Mutex<State>

    init(head: UInt64) {
        self.state = Mutex(State(head: head))
    }

    /// Called after each commit: wakes everyone waiting for events before `head`.
    func advance(to head: UInt64) {
        let woken: [CheckedContinuation<Bool, Never>] = self.state.withLock { state in
            state.head = max(state.head, head)
            let ready = state.waiters.filter { $0.value.sequence < state.head }
            for id in ready.keys { state.waiters[id] = nil }
            return ready.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume(returning: true) }
    }

    /// Returns true once the log holds an event past `sequence`, false after `timeout` without
    /// one (or when the task is cancelled), so a waiter can look at its own reasons to stop.
    func wait(beyond sequence: UInt64, timeout: Duration) async -> Bool {
        let id: Int? = self.state.withLock { state in
            guard state.head <= sequence else { return nil }
            state.nextID += 1
            state.unregistered[state.nextID] = false
            return state.nextID
        }
        guard let id else { return true }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.resume(id, with: false)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Bool? = self.state.withLock { state in
                    // The head may have moved between the check above and now, and the timer or
                    // a cancellation may already have tried to end this wait.
                    let settled = state.unregistered.removeValue(forKey: id) ?? false
                    if state.head > sequence { return true }
                    if settled { return false }
                    state.waiters[id] = Waiter(sequence: sequence, continuation: continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            self.resume(id, with: false)
        }
    }

    /// Resumes waiter `id` once (the first of the commit, the timer and a cancellation wins);
    /// one not registered yet is marked so that it does not wait when it registers, and one
    /// already resumed is left alone.
    private func resume(_ id: Int, with value: Bool) {
        let waiter: Waiter? = self.state.withLock { state in
            if state.unregistered[id] != nil { state.unregistered[id] = true }
            return state.waiters.removeValue(forKey: id)
        }
        waiter?.continuation.resume(returning: value)
    }
}
