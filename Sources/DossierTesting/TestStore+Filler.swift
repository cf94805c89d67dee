import DossierCore
import DossierStore
import Foundation

extension TestStore {
    /// Creates a log in `path` holding `count` small events (raw appends of 1,000 per commit, no
    /// projection involved), for tests that need a log that takes a while to verify.
    public static func createLog(at path: String, events count: Int) async throws {
        let store = try Self.open(at: path)
        do {
            var appended = 0
            while appended < count {
                let batch = (appended..<min(count, appended + 1000)).map { index in
                    PendingEvent(
                        id: UUID(), type: "NoteTaken", schemaVersion: 1, payload: Array("{\"n\":\(index)}".utf8),
                        occurredAt: Timestamp(millisecondsSince1970: 1_700_000_000_000), actor: Self.actor,
                        correlationID: nil, causationID: nil)
                }
                _ = try await store.append(batch, to: StreamID(rawValue: "filler"), expected: .any)
                appended += batch.count
            }
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
