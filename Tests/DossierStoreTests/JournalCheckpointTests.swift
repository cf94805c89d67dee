import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// When the journal path checkpoints, and what that bounds: until a checkpoint is durable its
/// snapshot is pinned and every commit takes fresh pages, so `data.mdb` grows by every
/// commit's pages until the next one (`store.checkpoint_growth_bytes`).
@Suite("Journal write path: checkpoints", .timeLimit(.minutes(2)))
struct JournalCheckpointTests {
    /// No checkpoint by time or journal bytes: only growth can start one.
    static func configure(growth: Int, pageWrites: DossierStore.JournalPageWrites) -> (inout DossierStore.Configuration) -> Void {
        { configuration in
            JournalRecoveryTests.journal(pageWrites)(&configuration)
            configuration.checkpointGrowthBytes = growth
        }
    }

    /// The used part of data.mdb after `count` single-command groups.
    static func usedBytes(after count: Int, growth: Int, pageWrites: DossierStore.JournalPageWrites) async throws -> Int {
        try await TestStore.with(configure: Self.configure(growth: growth, pageWrites: pageWrites)) { store, _ in
            try await JournalRecoveryTests.register(store, count)
            return store.storageInfo().usedBytes
        }
    }

    @Test(arguments: DossierStore.JournalPageWrites.allCases)
    func growthStartsCheckpointsThatBoundTheDataFile(pageWrites: DossierStore.JournalPageWrites) async throws {
        let unbounded = try await Self.usedBytes(after: 400, growth: 1 << 40, pageWrites: pageWrites)
        let bounded = try await Self.usedBytes(after: 400, growth: 1 << 20, pageWrites: pageWrites)
        // Without a checkpoint, every one of the 400 commits took fresh pages.
        #expect(unbounded > 4 << 20, "unbounded: \(unbounded) bytes")
        #expect(bounded * 2 < unbounded, "bounded \(bounded) bytes, unbounded \(unbounded) bytes")
        print("checkpoint growth (\(pageWrites.rawValue)): 400 groups use \(bounded) bytes of data.mdb with checkpoints every MiB of growth, \(unbounded) without")
    }
}
