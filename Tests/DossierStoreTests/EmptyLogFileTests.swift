import DossierStore
import DossierTesting
import Foundation
import Testing

/// Issue 17.7: LMDB writes a new environment into an empty `data.mdb`, so a log truncated to
/// nothing opened as a new, empty log.
@Suite("An empty log file")
struct EmptyLogFileTests {
    @Test func besideWhatAUsedDirectoryHoldsIsRefusedAndLeftAlone() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            let store = try TestStore.open(at: path)
            _ = try await TestStore.register(store, "c1")
            await store.shutdown()
            let file = path + "/data.mdb"
            let handle = try #require(FileHandle(forWritingAtPath: file))
            try handle.truncate(atOffset: 0)
            try handle.close()

            #expect(throws: StoreError.emptyLogFile(path: file, others: ["dossierd.lock", "lock.mdb"])) { try TestStore.open(at: path) }
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == 0)
        }
    }

    @Test func aloneIsAFirstStart() async throws {
        try await withTemporaryDirectory { directory in
            let path = try directory.makeDirectory("data", mode: 0o700)
            #expect(FileManager.default.createFile(atPath: path + "/data.mdb", contents: nil))
            let store = try TestStore.open(at: path)
            #expect(try store.head().sequence == 0)
            _ = try await TestStore.register(store, "c1")
            await store.shutdown()
        }
    }
}
