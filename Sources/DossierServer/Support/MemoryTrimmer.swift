import CMalloc
import Dispatch
import Synchronization

/// Gives freed heap memory back to the operating system after large buffers are gone.
///
/// glibc keeps freed memory in its arenas for reuse, and raises its mmap threshold after a
/// large block is freed, so that later large blocks come from the arenas too: after hundreds of
/// connections each buffered a megabyte and closed, the daemon's resident size stayed where it
/// peaked. `malloc_trim(0)` returns the free pages of every arena. It walks the arenas under
/// their locks, so it is asked for only after large buffers were freed, and runs at most once
/// per `interval`: requests meanwhile are served by one trim at the end of the interval, which
/// also catches buffers freed just after the first request.
final class MemoryTrimmer: Sendable {
    /// Buffers at least this large are worth a trim once freed.
    static let worthTrimming = 1 << 20

    let interval: Duration
    private let scheduled = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "dossierd.memory-trimmer")

    init(interval: Duration = .seconds(1)) {
        self.interval = interval
    }

    /// Asks for a trim after `interval`, unless one is already due.
    func request() {
        guard self.scheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let (seconds, attoseconds) = self.interval.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        self.queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            // Cleared first: a buffer freed while this trim runs gets a trim of its own.
            self.scheduled.store(false, ordering: .releasing)
            malloc_trim(0)
        }
    }
}
