import Foundation
import LMDB
import Testing

@Suite("LMDB transactions")
struct TransactionTests {
    @Test func putGetAndDelete() throws {
        try withEnvironment { env, db in
            try env.write { txn in
                try txn.put(db, key: bytes("alpha"), value: bytes("one"))
                try txn.put(db, key: bytes("beta"), value: bytes("two"))
            }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("alpha")) } == bytes("one"))
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("beta")) } == bytes("two"))

            let deleted = try env.write { txn in try txn.delete(db, key: bytes("alpha")) }
            #expect(deleted)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("alpha")) } == nil)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("beta")) } == bytes("two"))
        }
    }

    @Test func missingKeyIsNil() throws {
        try withEnvironment { env, db in
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("nothing")) } == nil)
            try env.write { txn in try txn.put(db, key: bytes("something"), value: bytes("x")) }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("nothing")) } == nil)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("somethin")) } == nil)
        }
    }

    @Test func deletingAMissingKeyReportsFalse() throws {
        try withEnvironment { env, db throws in
            #expect(try env.write { txn in try txn.delete(db, key: bytes("ghost")) } == false)
        }
    }

    @Test func putOverwritesByDefault() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("first")) }
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("second")) }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("k")) } == bytes("second"))
        }
    }

    @Test func emptyValuesAndNonContiguousCollections() throws {
        try withEnvironment { env, db in
            try env.write { txn in
                try txn.put(db, key: bytes("empty"), value: [UInt8]())
                // A lazy map is not contiguous: the wrapper copies it.
                try txn.put(db, key: (0..<4).lazy.map { UInt8($0) }, value: "lazy".utf8)
            }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("empty")) } == [])
            #expect(try env.read { txn in try txn.get(db, forKey: [0, 1, 2, 3]) } == bytes("lazy"))
        }
    }

    @Test func withValueLendsTheStoredBytes() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("k"), value: [UInt8](repeating: 9, count: 5_000)) }
            let (count, sum) = try env.read { txn in
                try txn.withValue(db, forKey: bytes("k")) { value in
                    (value?.count ?? -1, value?.reduce(0) { $0 + Int($1) } ?? -1)
                }
            }
            #expect(count == 5_000)
            #expect(sum == 45_000)
            let missing = try env.read { txn in try txn.withValue(db, forKey: bytes("none")) { $0 == nil } }
            #expect(missing)
        }
    }

    @Test func writeReturnsTheBodysResult() throws {
        try withEnvironment { env, db in
            let result = try env.write { txn in
                try txn.put(db, key: bytes("k"), value: bytes("v"))
                return 42
            }
            #expect(result == 42)
        }
    }

    @Test func throwingWriteIsRolledBack() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("kept"), value: bytes("1")) }
            #expect(throws: Boom()) {
                try env.write { txn in
                    try txn.put(db, key: bytes("lost"), value: bytes("2"))
                    try txn.put(db, key: bytes("kept"), value: bytes("changed"))
                    _ = try txn.delete(db, key: bytes("kept"))
                    throw Boom()
                }
            }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("lost")) } == nil)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("kept")) } == bytes("1"))
            // The environment is still usable.
            try env.write { txn in try txn.put(db, key: bytes("after"), value: bytes("3")) }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("after")) } == bytes("3"))
        }
    }

    @Test func writeSeesItsOwnUncommittedChanges() throws {
        try withEnvironment { env, db in
            let seen = try env.write { txn in
                try txn.put(db, key: bytes("a"), value: bytes("1"))
                try txn.put(db, key: bytes("b"), value: bytes("2"))
                var keys: [String] = []
                try txn.scan(db) { key, _ in
                    keys.append(text(key))
                    return true
                }
                return (try txn.get(db, forKey: bytes("a")), keys)
            }
            #expect(seen.0 == bytes("1"))
            #expect(seen.1 == ["a", "b"])
        }
    }

    @Test func readIsASnapshot() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("old")) }
            let (before, during) = try env.read { txn in
                let before = try txn.get(db, forKey: bytes("k"))
                try env.write { writer in try writer.put(db, key: bytes("k"), value: bytes("new")) }
                return (before, try txn.get(db, forKey: bytes("k")))
            }
            #expect(before == bytes("old"))
            #expect(during == bytes("old"))
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("k")) } == bytes("new"))
        }
    }

    @Test func statisticsCountEntries() throws {
        try withEnvironment { env, db in
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 0)
            try env.write { txn in
                for index in 0..<250 { try txn.put(db, key: bigEndian(UInt64(index)), value: bytes("v")) }
            }
            let stats = try env.read { txn in try txn.statistics(db) }
            #expect(stats.entries == 250)
            #expect(stats.depth >= 1)
            #expect(stats.leafPages >= 1)
            #expect(stats.pageSize == env.info().pageSize)
            try env.write { txn in _ = try txn.delete(db, key: bigEndian(7)) }
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 249)
        }
    }

    @Test func clearEmptiesTheDatabaseButKeepsIt() throws {
        try withEnvironment { env, db in
            try env.write { txn in
                for index in 0..<10 { try txn.put(db, key: bigEndian(UInt64(index)), value: bytes("v")) }
            }
            try env.write { txn in try txn.clear(db) }
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 0)
            try env.write { txn in try txn.put(db, key: bytes("again"), value: bytes("v")) }
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 1)
        }
    }

    @Test func databasesAreSeparateKeySpaces() throws {
        try withEnvironment { env, first in
            let second = try env.openDatabase(named: "second")
            try env.write { txn in
                try txn.put(first, key: bytes("k"), value: bytes("first"))
                try txn.put(second, key: bytes("k"), value: bytes("second"))
            }
            #expect(try env.read { txn in try txn.get(first, forKey: bytes("k")) } == bytes("first"))
            #expect(try env.read { txn in try txn.get(second, forKey: bytes("k")) } == bytes("second"))
            #expect(first != second)
            #expect(second.name == "second")
        }
    }

    @Test func infoCountsTransactions() throws {
        try withEnvironment { env, db in
            let before = env.info()
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("v")) }
            let after = env.info()
            #expect(after.lastTransactionID == before.lastTransactionID + 1)
            #expect(after.pageSize > 0)
            #expect(after.mapSize == env.configuration.initialMapSize)
            #expect(after.usedBytes > 0 && after.usedBytes <= after.mapSize)
            #expect(after.maxReaders == env.configuration.maxReaders)
        }
    }
}
