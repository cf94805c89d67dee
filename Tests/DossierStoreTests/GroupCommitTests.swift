import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Group commit writer")
struct GroupCommitTests {
    @Test func concurrentCommandsAllLandWithAGaplessLog() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let sequences = try await withThrowingTaskGroup(of: UInt64.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await TestStore.fileComplaint(store, customer: "c1", subject: "s\(index)").events[0].sequence
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(sequences) == Set(2...201))
            #expect(try store.complaints(limit: 1000).count == 200)
            let statistics = store.statistics
            #expect(statistics.committedJobs == 201)
            #expect(statistics.commits <= 201)
            #expect(try store.verify().isIntact)
        }
    }

    @Test func aRefusedCommandFailsAloneInsideABatch() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        // Every third command names a customer that does not exist.
                        let customer = index % 3 == 0 ? "ghost" : "c1"
                        return (try? await TestStore.fileComplaint(store, customer: customer)) != nil
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 66)
            #expect(try store.complaints(limit: 1000).count == 66)
            #expect(try store.head().sequence == 67)
            #expect(try store.verify().isIntact)
        }
    }

    /// With full durability a commit's callers are answered after the next flush; whatever the
    /// timing, every caller must be answered and every answered write must be on disk.
    @Test(arguments: [1, 7, 200])
    func fullDurabilityAnswersEveryCallerAfterAFlush(concurrency: Int) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path) { $0.durability = .full }
            _ = try await TestStore.register(store, "c1")
            let answered = try await withThrowingTaskGroup(of: UInt64.self) { group in
                for index in 0..<concurrency {
                    group.addTask { try await TestStore.fileComplaint(store, customer: "c1", subject: "s\(index)").events[0].sequence }
                }
                return try await group.reduce(into: Set<UInt64>()) { $0.insert($1) }
            }
            #expect(answered.count == concurrency)
            let head = try store.head()
            await store.shutdown()
            let reopened = try TestStore.open(at: path)
            #expect(try reopened.head() == head)
            #expect(try reopened.verify().isIntact)
            await reopened.shutdown()
        }
    }

    @Test func writesAfterShutdownAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let store = try TestStore.open(at: directory.appending("data"))
            await store.shutdown()
            await #expect(throws: StoreError.shuttingDown) { try await TestStore.register(store, "late") }
        }
    }
}
