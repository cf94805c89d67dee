import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Map growth and the storage limit")
struct StorageLimitTests {
    @Test func theMapGrowsInsteadOfFailing() async throws {
        try await TestStore.with(configure: { $0.initialMapSize = 1 << 20 }) { store, _ in
            _ = try await TestStore.register(store, "c1")
            let text = String(repeating: "x", count: 5000)
            for index in 0..<600 {
                _ = try await TestStore.fileComplaint(store, customer: "c1", subject: "s\(index)", level: .l4)
            }
            for index in 0..<400 {
                _ = try await store.append(
                    [
                        PendingEvent(
                            id: UUID(), type: "Blob", schemaVersion: 1, payload: Array("{\"b\":\"\(text)\"}".utf8),
                            occurredAt: Timestamp(millisecondsSince1970: 0), actor: TestStore.actor,
                            correlationID: nil, causationID: nil)
                    ], to: StreamID(rawValue: "blob-\(index)"), expected: .noStream)
            }
            #expect(store.storageInfo().mapSize > 1 << 20)
            #expect(try store.head().sequence == 1001)
            #expect(try store.verify().isIntact)
        }
    }

    @Test func atTheMaximumAWriteFailsWithStorageFullAndNothingPartial() async throws {
        try await TestStore.with(configure: {
            $0.initialMapSize = 1 << 20
            $0.maximumMapSize = 2 << 20
        }) { store, _ in
            let blob = Array("{\"b\":\"\(String(repeating: "y", count: 200_000))\"}".utf8)
            var lastHead = try store.head()
            var sawFull = false
            for index in 0..<40 {
                do {
                    _ = try await store.append(
                        [
                            PendingEvent(
                                id: UUID(), type: "Blob", schemaVersion: 1, payload: blob,
                                occurredAt: Timestamp(millisecondsSince1970: 0), actor: TestStore.actor,
                                correlationID: nil, causationID: nil)
                        ], to: StreamID(rawValue: "blob-\(index)"), expected: .noStream)
                    lastHead = try store.head()
                } catch let error as StoreError {
                    #expect(error == .storageFull(maximumBytes: 2 << 20))
                    #expect(try store.head() == lastHead)
                    sawFull = true
                    break
                }
            }
            #expect(sawFull)
            #expect(try store.verify().isIntact)
        }
    }
}
