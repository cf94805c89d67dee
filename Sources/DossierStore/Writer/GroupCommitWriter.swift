import Foundation

/// The one thread that writes. Callers enqueue jobs; the thread takes everything queued (up
/// to `maximumBatchSize`), hands it to `processBatch` to run in one transaction with one
/// commit, and goes back for more. Under load a batch fills while the previous one flushes;
/// at low load a job runs at once: no timer adds latency.
final class GroupCommitWriter: @unchecked Sendable {
    // Guard: `pending`, `accepting`, `finished` and `stopWaiters` are only touched while
    // holding `condition`.
    private let condition = NSCondition()
    private var pending: [WriteJob] = []
    private var accepting = true
    private var finished = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    private let maximumBatchSize: Int
    private let processBatch: @Sendable ([WriteJob]) -> Void

    init(maximumBatchSize: Int, processBatch: @escaping @Sendable ([WriteJob]) -> Void) {
        precondition(maximumBatchSize > 0, "the writer needs a batch size of at least 1")
        self.maximumBatchSize = maximumBatchSize
        self.processBatch = processBatch
    }

    func start() {
        let thread = Thread { [self] in self.loop() }
        thread.name = "dossier-writer"
        thread.start()
    }

    /// Queues `job`, or fails it with `StoreError.shuttingDown` once stopping has begun.
    func enqueue(_ job: WriteJob) {
        self.condition.lock()
        guard self.accepting else {
            self.condition.unlock()
            job.fail(StoreError.shuttingDown)
            return
        }
        self.pending.append(job)
        self.condition.signal()
        self.condition.unlock()
    }

    /// Queues `jobs` together, in order: the writer sees all of them at once (a bulk request's
    /// rows fill one batch instead of the first waking the writer alone).
    func enqueue(contentsOf jobs: [WriteJob]) {
        self.condition.lock()
        guard self.accepting else {
            self.condition.unlock()
            jobs.forEach { $0.fail(StoreError.shuttingDown) }
            return
        }
        self.pending.append(contentsOf: jobs)
        self.condition.signal()
        self.condition.unlock()
    }

    /// Stops taking jobs, lets the thread finish every queued one, and returns when it has.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            self.condition.lock()
            self.accepting = false
            if self.finished {
                self.condition.unlock()
                continuation.resume()
                return
            }
            self.stopWaiters.append(continuation)
            self.condition.signal()
            self.condition.unlock()
        }
    }

    private func loop() {
        while true {
            self.condition.lock()
            while self.pending.isEmpty && self.accepting {
                self.condition.wait()
            }
            if self.pending.isEmpty {
                self.finished = true
                let waiters = self.stopWaiters
                self.stopWaiters = []
                self.condition.unlock()
                waiters.forEach { $0.resume() }
                return
            }
            let count = min(self.maximumBatchSize, self.pending.count)
            let batch = Array(self.pending[0..<count])
            self.pending.removeFirst(count)
            self.condition.unlock()
            self.processBatch(batch)
        }
    }
}
