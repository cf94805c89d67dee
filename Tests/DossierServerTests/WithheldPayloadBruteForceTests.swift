import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Logging
import NIOCore
import Testing

@testable import DossierServer
@testable import DossierStore

/// The attack of the outside review, replayed: a viewer reads the log, sees every field of a
/// flag event's envelope and its hash, but not its payload, and guesses payloads until one
/// hashes to the event's hash. A flag's payload has little entropy (two closed sets, a
/// source, a date, usually an empty detail), so without a salt the guess succeeds.
@Suite("A withheld payload cannot be recovered from its hash")
struct WithheldPayloadBruteForceTests {
    static let sources = ["bureau", "credit bureau", "branch", "core banking", "system", "PBOC", "internal"]
    static let details = ["", "90 days", "30 days", "60 days"]

    /// Every payload a viewer would try: each kind, each response (or none), each common
    /// source and detail, each day of the last 30.
    static func candidates(around day: LocalDate) -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        for kind in FlagKind.allCases {
            for response in [nil] + FlagResponse.allCases.map(Optional.some) {
                for source in Self.sources {
                    for detail in Self.details {
                        for offset in -30...0 {
                            let event = CustomerFlagged(
                                customer: CustomerID(rawValue: "c1"), kind: kind, source: source, detail: detail,
                                observedOn: day.adding(days: offset), response: response)
                            payloads.append(try! DossierJSON.encode(event))
                        }
                    }
                }
            }
        }
        return payloads
    }

    /// What the viewer can rebuild of the record from the envelope, with a guessed payload.
    static func record(_ view: EventView, payload: [UInt8], salt: [UInt8]?) -> [UInt8] {
        EventRecordCodec.encodeRecord(
            sequence: view.sequence, id: view.id, stream: StreamID(rawValue: view.stream), version: view.version,
            type: "CustomerFlagged", schemaVersion: view.schemaVersion, occurredAt: view.occurredAt,
            recordedAt: view.recordedAt, actor: view.actor, correlationID: view.correlationId,
            causationID: view.causationId, payload: payload, salt: salt)
    }

    /// The guess whose record hashes, after `previous`, to `target`.
    static func bruteForce(_ view: EventView, previous: [UInt8], target: String, salt: [UInt8]?, candidates: [[UInt8]])
        -> [UInt8]?
    {
        candidates.first { HashChain.hex(HashChain.link(previous: previous, record: Self.record(view, payload: $0, salt: salt))) == target }
    }

    @Test func aViewerCannotGuessAFlagFromItsHash() async throws {
        let clock = TestClock()
        let (viewerPage, clerkPage) = try await TestStore.with(clock: clock) { store, _ in
            let router = DossierMethods.router(store: store, serverVersion: "test")
            for (line, role) in RouterAccessTests.flagged {
                _ = await router.reply(to: ByteBuffer(string: line), context: RouterAccessTests.context(role))
            }
            let read = ByteBuffer(string: #"{"id":3,"method":"log.read"}"#)
            let viewer = await router.reply(to: read, context: RouterAccessTests.context(.viewer))
            let clerk = await router.reply(to: read, context: RouterAccessTests.context(.clerk))
            return (
                try DossierJSON.decode(ResultEnvelope<EventsResult>.self, from: Array(viewer.readableBytesView)).result,
                try DossierJSON.decode(ResultEnvelope<EventsResult>.self, from: Array(clerk.readableBytesView)).result
            )
        }
        let registered = try #require(viewerPage.events.first)
        let flag = try #require(viewerPage.events.last)
        #expect(flag.data == .null && flag.salt == nil)
        let previous = try #require(Self.bytes(hex: registered.hash))
        let candidates = Self.candidates(around: CalendarDefaults.today(clock))
        #expect(candidates.count > 20_000)

        // The true payload is among the guesses: with the salt, the guess is found...
        let salt = try #require(clerkPage.events.last?.salt.flatMap(Self.bytes(hex:)))
        let withSalt = Self.bruteForce(flag, previous: previous, target: flag.hash, salt: salt, candidates: candidates)
        #expect(withSalt != nil, "the attack finds the payload when it knows the salt: the guesses cover it")
        // ...and without the salt, which the viewer never sees, no guess matches.
        #expect(Self.bruteForce(flag, previous: previous, target: flag.hash, salt: nil, candidates: candidates) == nil)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).compactMap {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)
        }
    }
}

/// The day the test store's clock reads, in the default calendar.
enum CalendarDefaults {
    static func today(_ clock: TestClock) -> LocalDate { Policy().calendar.localDate(of: clock.read()) }
}
