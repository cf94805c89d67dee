import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// `waitForEvents`, which followers of the log sleep in: a commit wakes them, a timeout or a
/// cancellation ends the wait, whichever comes first, and none can leave a waiter asleep.
@Suite("Waiting for the log to grow")
struct WaitForEventsTests {
    /// The waiter's own timeout is far beyond the test's time limit, so only the commit can
    /// end this wait in time: no wall-clock comparison that a loaded machine could break.
    @Test(.timeLimit(.minutes(1))) func aCommitWakesAWaiter() async throws {
        try await TestStore.with { store, _ in
            let waiter = Task { await store.waitForEvents(after: 0, timeout: .seconds(3_600)) }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await TestStore.register(store, "c1")
            #expect(await waiter.value)
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
