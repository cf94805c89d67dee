import LMDB
import Testing

@Suite("LMDB put flags")
struct PutFlagsTests {
    @Test func appendAcceptsKeysInOrder() throws {
        try withEnvironment { env, db in
            try env.write { txn in
                for index in 1...100 { try txn.put(db, key: bigEndian(UInt64(index)), value: bytes("v"), flags: .append) }
            }
            try env.write { txn in try txn.put(db, key: bigEndian(101), value: bytes("v"), flags: .append) }
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 101)
        }
    }

    @Test(arguments: [50, 100] as [UInt64])
    func appendWithAnOutOfOrderKeyFails(key: UInt64) throws {
        try withEnvironment { env, db in
            try env.write { txn in
                for index in 1...100 { try txn.put(db, key: bigEndian(UInt64(index)), value: bytes("v"), flags: .append) }
            }
            let error = #expect(throws: LMDBError.self) {
                try env.write { txn in try txn.put(db, key: bigEndian(key), value: bytes("new"), flags: .append) }
            }
            #expect(error?.code == .keyExists)
            #expect(error?.operation == "mdb_put")
            #expect(error?.message.isEmpty == false)
            #expect(error?.description.contains("mdb_put") == true)
            #expect(try env.read { txn in try txn.get(db, forKey: bigEndian(key)) } == bytes("v"))
        }
    }

    @Test func noOverwriteRefusesAnExistingKey() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("original"), flags: .noOverwrite) }
            let error = #expect(throws: LMDBError.self) {
                try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("replacement"), flags: .noOverwrite) }
            }
            #expect(error?.code == .keyExists)
            #expect(error?.message.isEmpty == false)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("k")) } == bytes("original"))
        }
    }

    @Test func aFailedPutCanBeHandledInsideTheTransaction() throws {
        try withEnvironment { env, db in
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("original")) }
            let refused = try env.write { txn in
                try txn.put(db, key: bytes("other"), value: bytes("x"))
                do {
                    try txn.put(db, key: bytes("k"), value: bytes("replacement"), flags: .noOverwrite)
                    return false
                } catch let error as LMDBError where error.code == .keyExists {
                    return true
                }
            }
            #expect(refused)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("other")) } == bytes("x"))
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("k")) } == bytes("original"))
        }
    }

    @Test(arguments: [0, 512, 4_096])
    func keysOutsideLMDBsSizeLimitFail(size: Int) throws {
        try withEnvironment { env, db in
            let error = #expect(throws: LMDBError.self) {
                try env.write { txn in try txn.put(db, key: [UInt8](repeating: 1, count: size), value: bytes("v")) }
            }
            #expect(error?.code == .badValueSize)
        }
    }

    @Test func theLargestKeyFits() throws {
        try withEnvironment { env, db in
            let key = [UInt8](repeating: 1, count: 511)
            try env.write { txn in try txn.put(db, key: key, value: bytes("v")) }
            #expect(try env.read { txn in try txn.get(db, forKey: key) } == bytes("v"))
        }
    }
}
