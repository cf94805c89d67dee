import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Store faults: a second opener, a clock stepping back, a closed store, unflushed commits")
struct StoreFaultTests {
    @Test func aSecondStoreOnTheSameDirectoryIsRefusedNamingTheFirst() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let first = try TestStore.open(at: path)
            _ = try await TestStore.register(first, "c1")
            #expect {
                _ = try TestStore.open(at: path)
            } throws: { error in
                guard case StoreError.dataDirectoryInUse(let inUse, let holder) = error else { return false }
                return inUse == path && holder.contains("pid \(getpid())")
            }
            // The refusal touched nothing: the first store goes on.
            _ = try await TestStore.register(first, "c2")
            await first.shutdown()

            // Released on shutdown: the directory opens again.
            let second = try TestStore.open(at: path)
            #expect(try second.head().sequence == 2)
            await second.shutdown()
        }
    }

    @Test func logTimeNeverGoesBackwardsWhenTheWallClockDoes() async throws {
        let clock = TestClock()
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            let first = try #require(try store.readAll(limit: 1).first).recordedAt
            clock.advance(minutes: -60)
            _ = try await TestStore.register(store, "c2")
            _ = try await TestStore.register(store, "c3")
            let events = try store.readAll(limit: 10)
            #expect(events.map(\.recordedAt) == [first, first, first], "log time holds while the wall clock is behind")
            #expect(store.clockStatus.stepsBack == 1, "one step back, however many batches it lasted")
            #expect(store.clockStatus.largestStepBackMilliseconds == 3_600_000)
            #expect(store.clockStatus.isHolding)

            // Once the wall clock passes the log again, log time follows it.
            clock.advance(minutes: 61)
            _ = try await TestStore.register(store, "c4")
            #expect(try store.readAll(from: 4, limit: 1).first?.recordedAt == first.adding(minutes: 1))
            #expect(!store.clockStatus.isHolding)
            // As-of reads stop at the first later event: with log time in order they find c2.
            #expect(try store.customer(CustomerID(rawValue: "c2"), asOf: first) != nil)
        }
    }

    @Test func logTimeHoldsAcrossARestart() async throws {
        let clock = TestClock()
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path, clock: clock)
            _ = try await TestStore.register(store, "c1")
            let first = try #require(try store.readAll(limit: 1).first).recordedAt
            await store.shutdown()
            clock.advance(minutes: -5)
            let reopened = try TestStore.open(at: path, clock: clock)
            _ = try await TestStore.register(reopened, "c2")
            #expect(try reopened.readAll(from: 2, limit: 1).first?.recordedAt == first)
            await reopened.shutdown()
        }
    }

    @Test func aClosedStoreRefusesReadsAndWritesInsteadOfTrapping() async throws {
        try await withTemporaryDirectory { directory in
            let store = try TestStore.open(at: directory.appending("data"))
            _ = try await TestStore.register(store, "c1")
            await store.shutdown()
            #expect(throws: StoreError.shuttingDown) { try store.customer(CustomerID(rawValue: "c1")) }
            #expect(throws: StoreError.shuttingDown) { try store.head() }
            #expect(throws: StoreError.shuttingDown) { try store.verify() }
            await #expect(throws: StoreError.shuttingDown) { try await TestStore.register(store, "c2") }
            await store.shutdown()
        }
    }

    /// `meta_async` and `none` leave commits in the page cache; the store must flush them
    /// every `sync_interval_ms` and at a clean stop (checked with the kernel's own count of
    /// unflushed pages, cachestat(2)).
    @Test(arguments: [DossierStore.Durability.none, .metaAsync])
    func unflushedCommitsAreFlushedPeriodicallyAndAtShutdown(durability: DossierStore.Durability) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let file = path + "/data.mdb"
            // No periodic flush: only the one at shutdown.
            let store = try TestStore.open(at: path) {
                $0.durability = durability
                $0.syncIntervalMilliseconds = 0
            }
            for index in 0..<50 { _ = try await TestStore.register(store, "c\(index)") }
            guard let before = PageCache.unflushedPages(of: file) else {
                print("skipped: this kernel has no cachestat(2)")
                await store.shutdown()
                return
            }
            #expect(before > 0, "commits of \(durability) left pages unflushed")
            await store.shutdown()
            #expect(PageCache.unflushedPages(of: file) == 0, "a clean stop flushes them")

            // Periodic: a flush within the interval, while the store runs.
            let running = try TestStore.open(at: path) {
                $0.durability = durability
                $0.syncIntervalMilliseconds = 100
            }
            let service = Task { try await running.run() }
            for index in 50..<100 { _ = try await TestStore.register(running, "c\(index)") }
            let deadline = ContinuousClock.now + .seconds(3)
            while PageCache.unflushedPages(of: file) != 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(PageCache.unflushedPages(of: file) == 0, "flushed within 3 s at a 100 ms interval")
            #expect(running.statistics.syncs > 0)
            service.cancel()
            _ = try? await service.value
            await running.shutdown()
        }
    }
}
