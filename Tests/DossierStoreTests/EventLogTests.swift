import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Event log: append, read, expected versions")
struct EventLogTests {
    static func pending(_ text: String) -> PendingEvent {
        PendingEvent(
            id: UUID(), type: "NoteTaken", schemaVersion: 1, payload: Array("{\"text\":\"\(text)\"}".utf8),
            occurredAt: Timestamp(millisecondsSince1970: 1_700_000_000_000), actor: TestStore.actor,
            correlationID: nil, causationID: nil)
    }

    @Test func appendsAndReadsBackAStream() async throws {
        try await TestStore.with { store, _ in
            let stream = StreamID(rawValue: "note-1")
            let first = try await store.append([Self.pending("a"), Self.pending("b")], to: stream, expected: .noStream)
            #expect(first.map(\.version) == [1, 2])
            #expect(first.map(\.sequence) == [1, 2])
            let read = try store.readStream(stream, limit: 10)
            #expect(read == first)
            #expect(try store.currentVersion(of: stream) == 2)
            #expect(try store.head().sequence == 2)
            #expect(try store.head().hash == first[1].hash)
        }
    }

    @Test func streamsWithPrefixIdsStayApart() async throws {
        try await TestStore.with { store, _ in
            _ = try await store.append([Self.pending("x")], to: StreamID(rawValue: "customer-4"), expected: .noStream)
            _ = try await store.append([Self.pending("y")], to: StreamID(rawValue: "customer-42"), expected: .noStream)
            _ = try await store.append([Self.pending("z")], to: StreamID(rawValue: "customer-4"), expected: .exact(1))
            #expect(try store.currentVersion(of: StreamID(rawValue: "customer-4")) == 2)
            #expect(try store.currentVersion(of: StreamID(rawValue: "customer-42")) == 1)
            #expect(try store.currentVersion(of: StreamID(rawValue: "customer-3")) == 0)
            #expect(try store.readStream(StreamID(rawValue: "customer-4"), limit: 10).map(\.sequence) == [1, 3])
        }
    }

    @Test(arguments: [
        (ExpectedVersion.noStream, UInt64(0), true), (.noStream, 1, false), (.any, 0, true), (.any, 3, true),
        (.streamExists, 0, false), (.streamExists, 2, true), (.exact(2), 2, true), (.exact(1), 2, false),
        (.exact(3), 2, false),
    ])
    func expectedVersionIsCheckedAtomically(expected: ExpectedVersion, existing: UInt64, accepted: Bool) async throws {
        try await TestStore.with { store, _ in
            let stream = StreamID(rawValue: "note-7")
            for index in 0..<existing {
                _ = try await store.append([Self.pending("\(index)")], to: stream, expected: .any)
            }
            let headBefore = try store.head()
            do {
                let appended = try await store.append([Self.pending("new")], to: stream, expected: expected)
                #expect(accepted)
                #expect(appended.first?.version == existing + 1)
            } catch let error as StoreError {
                #expect(!accepted)
                #expect(error == .wrongExpectedVersion(stream: stream, expected: expected, actual: existing))
                #expect(try store.head() == headBefore)
            }
        }
    }

    @Test func readsTheWholeLogFromAPosition() async throws {
        try await TestStore.with { store, _ in
            for index in 0..<25 {
                _ = try await store.append(
                    [Self.pending("\(index)")], to: StreamID(rawValue: "note-\(index % 3)"), expected: .any)
            }
            let page = try store.readAll(from: 10, limit: 5)
            #expect(page.map(\.sequence) == [10, 11, 12, 13, 14])
            #expect(try store.readAll(from: 25, limit: 5).map(\.sequence) == [25])
            #expect(try store.readAll(from: 26, limit: 5).isEmpty)
            #expect(try store.readStream(StreamID(rawValue: "note-1"), from: 3, limit: 100).map(\.version) == Array(3...8))
        }
    }

    @Test func recordsEveryEnvelopeField() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-05-06T07:08:09.123Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            var event = Self.pending("envelope")
            event.correlationID = UUID()
            event.causationID = UUID()
            let stored = try #require(
                try await store.append([event], to: StreamID(rawValue: "note-9"), expected: .noStream).first)
            let read = try #require(try store.event(id: event.id))
            #expect(read == stored)
            #expect(read.recordedAt == clock.read())
            #expect(read.occurredAt == event.occurredAt)
            #expect(read.correlationID == event.correlationID)
            #expect(read.causationID == event.causationID)
            #expect(read.actor == TestStore.actor)
            #expect(read.payload == event.payload)
            #expect(read.type == "NoteTaken")
        }
    }

    @Test func rejectsStreamIdsItCannotStore() async throws {
        try await TestStore.with { store, _ in
            await #expect(throws: DomainError.self) {
                try await store.append([Self.pending("x")], to: StreamID(rawValue: ""), expected: .any)
            }
            await #expect(throws: DomainError.self) {
                try await store.append([Self.pending("x")], to: StreamID(rawValue: "a\u{0}b"), expected: .any)
            }
        }
    }
}
