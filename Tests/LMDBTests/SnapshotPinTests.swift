import Foundation
import LMDB
import Testing

/// The two LMDB facts the journal write path rests on: a pinned snapshot's pages are not
/// reused by later commits, and putting its meta page back into both slots opens the file on
/// that snapshot again.
@Suite("Snapshot pins and meta pages")
struct SnapshotPinTests {
    static func value(_ key: Int, round: Int) -> [UInt8] {
        patternValue(index: key * 1_000 + round, size: 200)
    }

    @Test func aPinnedSnapshotStaysWholeAndTheFileCanGoBackToIt() throws {
        try withTemporaryDirectory { path in
            var configuration = Environment.Configuration()
            configuration.flags.insert(.noSync)
            let image: MetaPages.Image
            let pageSize: Int
            do {
                let env = try Environment(path: path, configuration: configuration)
                let db = try env.openDatabase(named: "events")
                try env.write { txn in
                    for key in 0..<2_000 { try txn.put(db, key: bigEndian(UInt64(key * 7919 % 2_000)), value: Self.value(key, round: 0)) }
                }
                try env.sync(force: true)
                pageSize = env.info().pageSize
                let pin = try env.pinSnapshot()
                let slots = try MetaPages.read(dataFile: path + "/data.mdb", pageSize: pageSize)
                image = try #require(slots[MetaPages.slot(of: pin.transactionID)])
                #expect(image.transactionID == pin.transactionID)
                // Many later commits rewrite and delete every key: without the pin they would
                // reuse the pages of the first snapshot after two commits.
                for round in 1...40 {
                    try env.write { txn in
                        for key in stride(from: round % 3, to: 2_000, by: 3) {
                            try txn.put(db, key: bigEndian(UInt64(key)), value: Self.value(key, round: round))
                        }
                        if round % 10 == 0 {
                            for key in stride(from: 0, to: 2_000, by: 5) { try? txn.delete(db, key: bigEndian(UInt64(key))) }
                        }
                    }
                }
                try env.sync(force: true)
                env.close()  // ends the pin
            }
            try MetaPages.restore(image, dataFile: path + "/data.mdb", pageSize: pageSize)
            let env = try Environment(path: path, configuration: configuration)
            defer { env.close() }
            let db = try env.openDatabase(named: "events", create: false)
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 2_000)
            for key in 0..<2_000 {
                let stored = try env.read { txn in try txn.get(db, forKey: bigEndian(UInt64(key * 7919 % 2_000))) }
                #expect(stored == Self.value(key, round: 0), "key \(key)")
            }
        }
    }

    @Test func aReleasedPinCanBeReleasedAgainAndClosingEndsOpenPins() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("a"), value: bytes("1")) }
            let first = try env.pinSnapshot()
            let second = try env.pinSnapshot()
            #expect(first.transactionID == second.transactionID)
            first.release()
            first.release()
            env.close()
            second.release()  // after close: nothing to do
            #expect(throws: LMDBError.self) { _ = try env.pinSnapshot() }
        }
    }
}
