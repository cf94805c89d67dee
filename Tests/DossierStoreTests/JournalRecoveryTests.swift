import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// The journal write path (`store.write_path = "journal"`) on a real LMDB: what a restart
/// finds when LMDB's unflushed writes were lost, or the journal's last record was torn.
///
/// A crash is simulated by copying files out of a running store's directory, never by
/// shutting it down (a clean stop checkpoints and leaves nothing to recover).
@Suite("Journal write path: recovery", .timeLimit(.minutes(2)))
struct JournalRecoveryTests {
    /// Journal on, and no checkpoint unless a test asks for one: LMDB is then flushed only at
    /// the store's start, so `data.mdb` as copied right after opening is what a power cut
    /// would leave of it.
    static func journal(_ configuration: inout DossierStore.Configuration) {
        configuration.durability = .full
        configuration.writePath = .journal
        configuration.checkpointBytes = 1 << 30
        configuration.checkpointIntervalMilliseconds = 3_600_000
        configuration.checkpointGrowthBytes = 1 << 40
    }

    /// `journal`, with commits putting their pages into data.mdb as `pageWrites` says.
    static func journal(_ pageWrites: DossierStore.JournalPageWrites) -> (inout DossierStore.Configuration) -> Void {
        { configuration in
            Self.journal(&configuration)
            configuration.journalPageWrites = pageWrites
        }
    }

    static func copy(_ file: String, from source: String, to target: String) throws {
        try FileManager.default.createDirectory(
            atPath: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let destination = target + "/" + file
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.copyItem(atPath: source + "/" + file, toPath: destination)
        chmod(destination, 0o600)
    }

    /// Registers `count` customers one command at a time (one group, one record each).
    static func register(_ store: DossierStore, _ count: Int, prefix: String = "c") async throws {
        for index in 0..<count { _ = try await TestStore.register(store, "\(prefix)\(index)") }
    }

    static func expectIntact(_ store: DossierStore, events: UInt64) throws {
        #expect(try store.head().sequence == events)
        let report = try store.verify()
        #expect(report.isIntact)
        #expect(report.events == events)
    }

    @Test func theDefaultWritePathWritesNoJournal() async throws {
        try await TestStore.with(configure: { $0.durability = .full }) { store, directory in
            try await Self.register(store, 3)
            #expect(!FileManager.default.fileExists(atPath: directory.appending("data/journal.wal")))
        }
    }

    @Test(arguments: DossierStore.JournalPageWrites.allCases)
    func eventsMissingFromAnUnflushedDataFileAreAppliedAgainFromTheJournal(pageWrites: DossierStore.JournalPageWrites) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            let store = try TestStore.open(at: path, configure: Self.journal(pageWrites))
            // LMDB was flushed by the start's checkpoint; nothing after it is (MDB_NOSYNC).
            try Self.copy("data.mdb", from: path, to: crashed)
            try await Self.register(store, 20)
            let head = try store.head()
            // A power cut: only the journal's flushed appends survive beside the old data file.
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            let recovered = try TestStore.open(at: crashed, configure: Self.journal(pageWrites))
            try Self.expectIntact(recovered, events: 20)
            #expect(try recovered.head() == head)
            // The customers' projections were applied again too, and the log goes on.
            #expect(try recovered.customer(CustomerID(rawValue: "c19")) != nil)
            _ = try await TestStore.register(recovered, "after")
            try Self.expectIntact(recovered, events: 21)
            await recovered.shutdown()
        }
    }

    @Test(arguments: DossierStore.JournalPageWrites.allCases)
    func aKilledStoreRecoversFromItsNewerDataFileAndTheJournal(pageWrites: DossierStore.JournalPageWrites) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            let store = try TestStore.open(at: path, configure: Self.journal(pageWrites))
            try await Self.register(store, 15)
            // kill -9: data.mdb holds commits after the checkpoint, in the page cache.
            try Self.copy("data.mdb", from: path, to: crashed)
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            let recovered = try TestStore.open(at: crashed, configure: Self.journal(pageWrites))
            try Self.expectIntact(recovered, events: 15)
            await recovered.shutdown()
            // A second start finds nothing left to apply.
            let again = try TestStore.open(at: crashed, configure: Self.journal(pageWrites))
            try Self.expectIntact(again, events: 15)
            await again.shutdown()
        }
    }

    @Test func aTornLastRecordEndsTheJournal() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            let store = try TestStore.open(at: path, configure: Self.journal)
            try Self.copy("data.mdb", from: path, to: crashed)
            try await Self.register(store, 5)
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            // The power cut came while the sixth group's record was being written: its last
            // bytes never arrived (its caller was never answered).
            let journal = crashed + "/journal.wal"
            let handle = try #require(FileHandle(forUpdatingAtPath: journal))
            let end = try Self.endOfRecords(journal)
            try handle.seek(toOffset: UInt64(end))
            let torn = [UInt8](repeating: 0, count: 40)
            var record = Array("DSRC".utf8) + [0, 0, 1, 0] + torn  // announces 256 bytes, holds 40
            record[10] = 0xff
            handle.write(Data(record))
            try handle.close()

            let recovered = try TestStore.open(at: crashed, configure: Self.journal)
            try Self.expectIntact(recovered, events: 5)
            await recovered.shutdown()
        }
    }

    @Test func aRecordWithAFlippedByteIsNotApplied() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            let store = try TestStore.open(at: path, configure: Self.journal)
            try Self.copy("data.mdb", from: path, to: crashed)
            try await Self.register(store, 4)
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            // The last record's final byte is wrong: its checksum fails and the journal ends
            // before it, keeping the three records before.
            let journal = crashed + "/journal.wal"
            let end = try Self.endOfRecords(journal)
            let handle = try #require(FileHandle(forUpdatingAtPath: journal))
            try handle.seek(toOffset: UInt64(end - 1))
            let last = try #require(try handle.read(upToCount: 1))
            try handle.seek(toOffset: UInt64(end - 1))
            handle.write(Data([last[0] ^ 0x01]))
            try handle.close()

            let recovered = try TestStore.open(at: crashed, configure: Self.journal)
            try Self.expectIntact(recovered, events: 3)
            await recovered.shutdown()
        }
    }

    @Test(arguments: DossierStore.JournalPageWrites.allCases)
    func recordsAcrossSegmentsAndCheckpointsAreRecovered(pageWrites: DossierStore.JournalPageWrites) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            // Small segments and frequent checkpoints: the writer switches segments, and
            // checkpoints run while it writes on.
            let configure: (inout DossierStore.Configuration) -> Void = {
                Self.journal(pageWrites)(&$0)
                $0.journalSegmentBytes = 8 << 10
                $0.checkpointBytes = 3 << 10
                $0.checkpointIntervalMilliseconds = 5
            }
            let store = try TestStore.open(at: path, configure: configure)
            try await Self.register(store, 120)
            try Self.copy("data.mdb", from: path, to: crashed)
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            let recovered = try TestStore.open(at: crashed, configure: configure)
            try Self.expectIntact(recovered, events: 120)
            try await Self.register(recovered, 10, prefix: "d")
            try Self.expectIntact(recovered, events: 130)
            await recovered.shutdown()
        }
    }

    @Test func aJournalBesideAnotherDataFileIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let other = directory.appending("other")
            let store = try TestStore.open(at: path, configure: Self.journal)
            try await Self.register(store, 3)
            let otherStore = try TestStore.open(at: other, configure: Self.journal)
            try await Self.register(otherStore, 2, prefix: "o")
            await otherStore.shutdown()
            // The first store's journal, with events to apply, next to another log's data file.
            try Self.copy("journal.wal", from: path, to: other)
            await store.shutdown()

            #expect {
                _ = try TestStore.open(at: other, configure: Self.journal)
            } throws: { error in
                guard case StoreError.journal = error else { return false }
                return true
            }
        }
    }

    @Test func switchingBackToLMDBAppliesAndRemovesTheJournal() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let crashed = directory.appending("crashed")
            let store = try TestStore.open(at: path, configure: Self.journal)
            try Self.copy("data.mdb", from: path, to: crashed)
            try await Self.register(store, 6)
            try Self.copy("journal.wal", from: path, to: crashed)
            await store.shutdown()

            let recovered = try TestStore.open(at: crashed, configure: { $0.durability = .full })
            try Self.expectIntact(recovered, events: 6)
            #expect(!FileManager.default.fileExists(atPath: crashed + "/journal.wal"))
            await recovered.shutdown()
        }
    }

    /// Where the records of the journal's active segment end: the first offset from which a
    /// header no longer follows (records start after the two 4 KiB header slots).
    static func endOfRecords(_ path: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var offset = 8192
        while offset + 44 <= bytes.count, Array(bytes[offset..<(offset + 4)]) == Array("DSRC".utf8) {
            let length = (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + 4 + $1]) }
            offset += 44 + length
        }
        return offset
    }
}
