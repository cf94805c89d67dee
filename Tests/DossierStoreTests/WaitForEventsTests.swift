import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// `waitForEvents`, which followers of the log sleep in: a commit wakes them, a timeout or a
/// cancellation ends the wait, whichever comes first, and none can leave a waiter asleep.
@Suite("Waiting for the log to grow")
struct WaitForEventsTests {
    @Test func aCommitWakesAWaiter() async throws {
        try await TestStore.with { store, _ in
            let waiter = Task { await store.waitForEvents(after: 0, timeout: .seconds(60)) }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await TestStore.register(store, "c1")
            let committed = ContinuousClock.now
            #expect(await waiter.value)
            // Woken by the commit, not by its 60 s timeout. Timed from the commit, not from the
            // register call: under a loaded suite (two pool threads, other builds) the register
            // alone took 12-14 s, which failed the former 10 s bound without any missed wake-up.
            #expect(ContinuousClock.now - committed < .seconds(30))
        }
    }

    @Test func anEventAlreadyThereAnswersAtOnce() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            #expect(await store.waitForEvents(after: 0, timeout: .seconds(60)))
        }
    }

    @Test(arguments: [0, 1, 5]) func theTimeoutEndsTheWait(milliseconds: Int) async throws {
        try await TestStore.with { store, _ in
            #expect(await store.waitForEvents(after: 0, timeout: .milliseconds(milliseconds)) == false)
        }
    }

    /// Cancelled before, while and after the waiter registers: each wait ends.
    @Test(.timeLimit(.minutes(1))) func cancellationEndsTheWaitWheneverItComes() async throws {
        try await TestStore.with { store, _ in
            for round in 0..<200 {
                let waiter = Task { await store.waitForEvents(after: 0, timeout: .seconds(600)) }
                if round % 2 == 1 { await Task.yield() }
                waiter.cancel()
                #expect(await waiter.value == false)
            }
        }
    }
}
