import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// The committed log of a schema-1 daemon (`Tests/Fixtures/v1-log`, written by
/// `V1LogFixture`): today's code verifies it, replays it through the upcaster to the tables it
/// keeps, serves it, and numbers on where it stopped. Set `DOSSIER_WRITE_V1_FIXTURE=1` to
/// write the fixture again (only needed if `V1LogFixture` changes, which changes its head).
@Suite("A schema-1 log read by today's code", .serialized, .timeLimit(.minutes(2)))
struct V1LogFixtureTests {
    static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/v1-log").path

    /// A copy to work on: nothing a test does may touch the committed bytes.
    static func withCopy<R>(_ body: (String) async throws -> R) async throws -> R {
        try await withTemporaryDirectory { directory in
            let copy = directory.appending("data")
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: Self.committed + "/data.mdb", toPath: copy + "/data.mdb")
            return try await body(copy)
        }
    }

    @Test func theGeneratorStillWritesTheCommittedLog() async throws {
        if ProcessInfo.processInfo.environment["DOSSIER_WRITE_V1_FIXTURE"] == "1" {
            try? FileManager.default.removeItem(atPath: Self.committed + "/data.mdb")
            try FileManager.default.createDirectory(atPath: Self.committed, withIntermediateDirectories: true)
            _ = try await V1LogFixture.write(to: Self.committed)
            // Only the log is the fixture: the lock files are this run's.
            for lock in ["lock.mdb", "dossierd.lock"] { try? FileManager.default.removeItem(atPath: Self.committed + "/" + lock) }
        }
        let written = try await withTemporaryDirectory { directory in
            try await V1LogFixture.write(to: directory.appending("data"))
        }
        let committed = try await Self.withCopy { copy in
            let log = try ReadOnlyLog(dataDirectory: copy)
            defer { log.close() }
            return try log.head()
        }
        #expect(written == committed)
        #expect(committed.sequence == 6)
    }

    @Test func itVerifiesAndReplaysOffline() async throws {
        try await Self.withCopy { copy in
            let log = try ReadOnlyLog(dataDirectory: copy)
            defer { log.close() }
            let verification = try log.verify()
            #expect(verification.failure == nil)
            #expect(verification.events == 6)
            let replay = try log.replay()
            #expect(replay.events == 6)
            #expect(replay.mismatches == [])
            #expect(replay.rows > 0)
        }
    }

    @Test func todaysStoreServesItAndNumbersOnWhereItStopped() async throws {
        try await Self.withCopy { copy in
            let clock = TestClock(V1LogFixture.receivedAt.adding(minutes: 60))
            let store = try TestStore.open(at: copy, clock: clock)
            do {
                let first = try #require(try store.complaint(V1LogFixture.complaintNumbers[0]))
                #expect(first.customer == V1LogFixture.customers[0])
                #expect(first.scope == .individual && first.foreign == false)
                #expect(first.status == .acknowledged)  // by the schema-1 event after the filing
                let next = try await store.execute(
                    FileComplaint(
                        customer: V1LogFixture.customers[1], type: .service, channel: .web, level: .l3,
                        subject: "statement not received", unit: "SH", receivedAt: V1LogFixture.receivedAt),
                    metadata: CommandMetadata(actor: TestStore.actor))
                #expect(next.state?.number.rawValue == "SH240305003")
                #expect(try store.verify().failure == nil)
                #expect(try store.replay().matches)
            } catch {
                await store.shutdown()
                throw error
            }
            await store.shutdown()
        }
    }
}
