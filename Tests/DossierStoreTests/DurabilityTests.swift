import DossierCore
import DossierStore
import DossierTesting
import Foundation
import LMDB
import Testing

@Suite("Reopening, formats and tampering")
struct DurabilityTests {
    @Test func theHashChainContinuesAcrossReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            var store = try TestStore.open(at: path)
            _ = try await TestStore.register(store, "c1")
            _ = try await TestStore.fileComplaint(store, customer: "c1")
            let head = try store.head()
            await store.shutdown()

            store = try TestStore.open(at: path)
            #expect(try store.head() == head)
            let third = try await TestStore.fileComplaint(store, customer: "c1")
            #expect(third.events[0].sequence == 3)
            #expect(third.events[0].stream.rawValue == "complaint-HQ240301002")
            let report = try store.verify()
            #expect(report.isIntact)
            #expect(report.events == 3)
            await store.shutdown()
        }
    }

    @Test func aLogOfANewerFormatIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path)
            await store.shutdown()
            try Self.rawWrite(path, database: "meta", key: "format", value: Array("dossier-log/3".utf8))
            #expect(throws: StoreError.unsupportedFormat(found: "dossier-log/3", supported: "dossier-log/2")) {
                _ = try TestStore.open(at: path)
            }
        }
    }

    @Test func aForeignLMDBFileIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("foreign")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Self.rawWrite(path, database: "users", key: "alice", value: Array("x".utf8))
            #expect(throws: StoreError.notADossierStore(path: path)) { _ = try TestStore.open(at: path) }
        }
    }

    @Test func aFileThatIsNotLMDBIsRefusedClearly() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("garbage")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data(repeating: 0x41, count: 64 * 1024).write(to: URL(fileURLWithPath: path + "/data.mdb"))
            #expect {
                _ = try TestStore.open(at: path)
            } throws: { error in
                guard case StoreError.corrupted = error else { return false }
                return true
            }
        }
    }

    @Test func verificationFindsAnAlteredEvent() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            try await Self.writeLog(at: path, complaints: 4)

            // Flip one payload byte of event 3, keeping its stored hash.
            let key = UInt64(3).bigEndianKey
            var value = try #require(try Self.rawRead(path, database: "events", key: key))
            value[value.count - 3] ^= 0x01
            try Self.rawWrite(path, database: "events", key: key, value: value)

            let reopened = try TestStore.open(at: path)
            let report = try reopened.verify()
            #expect(!report.isIntact)
            #expect(report.failure?.sequence == 3)
            await reopened.shutdown()
        }
    }

    @Test func projectionsOfAnotherFormatAreRebuiltFromTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path)
            _ = try await TestStore.register(store, "c1")
            _ = try await store.execute(
                FlagCustomer(customer: CustomerID(rawValue: "c1"), kind: .default, source: "bureau"),
                metadata: CommandMetadata(actor: TestStore.actor))
            _ = try await TestStore.fileComplaint(store, customer: "c1")
            let customer = try store.customer(CustomerID(rawValue: "c1"))
            await store.shutdown()

            // An older daemon's rows: a JSON customer row and no projection format recorded.
            try Self.rawWrite(path, database: "customers", key: "c1", value: Array(#"{"id":"c1"}"#.utf8))
            try Self.rawDelete(path, database: "meta", key: Array("projection_format".utf8))

            let reopened = try TestStore.open(at: path)
            #expect(try reopened.customer(CustomerID(rawValue: "c1")) == customer)
            #expect(try reopened.complaints(limit: 10).count == 1)
            #expect(try reopened.replay().matches)
            await reopened.shutdown()
        }
    }

    @Test func aForgedOrRolledBackHeadIsRefusedAtStart() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path) { $0.verifyOnStart = .head }
            _ = try await TestStore.register(store, "c1")
            _ = try await TestStore.fileComplaint(store, customer: "c1")
            let head = try store.head()
            await store.shutdown()

            // The head rolled back to event 1 while event 2 is still stored.
            let first = try #require(try Self.rawRead(path, database: "events", key: UInt64(1).bigEndianKey))
            try Self.rawWrite(path, database: "meta", key: "head", value: UInt64(1).bigEndianKey + Array(first[0..<32]))
            #expect {
                _ = try TestStore.open(at: path) { $0.verifyOnStart = .head }
            } throws: { error in
                guard case StoreError.failedVerification(let what) = error else { return false }
                return what.contains("last stored event is 2")
            }
            // "off" still opens it, for inspection.
            let inspected = try TestStore.open(at: path) { $0.verifyOnStart = .off }
            #expect(try inspected.head().sequence == 1)
            await inspected.shutdown()
            _ = head
        }
    }

    @Test(arguments: [DossierStore.StartupVerification.head, .full])
    func anAlteredLastEventIsRefusedAtStart(verification: DossierStore.StartupVerification) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            try await Self.writeLog(at: path, complaints: 1)
            var value = try #require(try Self.rawRead(path, database: "events", key: UInt64(2).bigEndianKey))
            value[value.count - 2] ^= 0x20
            try Self.rawWrite(path, database: "events", key: UInt64(2).bigEndianKey, value: value)
            #expect(throws: StoreError.self) { _ = try TestStore.open(at: path) { $0.verifyOnStart = verification } }
        }
    }

    @Test func aTruncatedFileIsRefusedWithAMessageSayingWhatToDo() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            try await Self.writeLog(at: path, complaints: 200)
            let file = path + "/data.mdb"
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber).intValue
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: UInt64(size / 3))
            try handle.close()
            #expect {
                _ = try TestStore.open(at: path)
            } throws: { error in
                let message = "\(error)"
                return message.contains("backup") || message.contains("LMDB")
            }
        }
    }

    @Test func verificationFindsARemovedEvent() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            try await Self.writeLog(at: path, complaints: 4)
            try Self.rawDelete(path, database: "events", key: UInt64(5).bigEndianKey)
            // The startup check refuses this log; opened for inspection, verify names the gap.
            #expect(throws: StoreError.self) { _ = try TestStore.open(at: path) }
            let reopened = try TestStore.open(at: path) { $0.verifyOnStart = .off }
            let report = try reopened.verify()
            #expect(report.failure?.sequence == 5)
            await reopened.shutdown()
        }
    }

    /// A log of one customer and `complaints` complaints, closed again.
    static func writeLog(at path: String, complaints: Int) async throws {
        let store = try TestStore.open(at: path)
        _ = try await TestStore.register(store, "c1")
        for _ in 0..<complaints { _ = try await TestStore.fileComplaint(store, customer: "c1") }
        await store.shutdown()
    }

    // MARK: - Raw access, as an attacker with file access would have

    static func rawWrite(_ path: String, database: String, key: some Collection<UInt8>, value: [UInt8]) throws {
        let environment = try Environment(path: path)
        defer { environment.close() }
        let db = try environment.openDatabase(named: database)
        try environment.write { txn in try txn.put(db, key: Array(key), value: value) }
    }

    static func rawWrite(_ path: String, database: String, key: String, value: [UInt8]) throws {
        try Self.rawWrite(path, database: database, key: Array(key.utf8), value: value)
    }

    static func rawRead(_ path: String, database: String, key: [UInt8]) throws -> [UInt8]? {
        let environment = try Environment(path: path)
        defer { environment.close() }
        let db = try environment.openDatabase(named: database)
        return try environment.read { txn in try txn.get(db, forKey: key) }
    }

    static func rawDelete(_ path: String, database: String, key: [UInt8]) throws {
        let environment = try Environment(path: path)
        defer { environment.close() }
        let db = try environment.openDatabase(named: database)
        try environment.write { txn in _ = try txn.delete(db, key: key) }
    }
}

extension UInt64 {
    var bigEndianKey: [UInt8] { withUnsafeBytes(of: self.bigEndian) { Array($0) } }
}
