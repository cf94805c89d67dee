import DossierCore
import DossierStore
import DossierTesting
import Foundation
import LMDB
import Testing

/// A command of the tests' own: flags two customers in one decision, refusing when the second
/// already has `limit` open flags. It stands for the multi-stream rules to come (a default
/// rating freezing limits, a member limit checked against its group).
struct FlagBoth: StoreCommand {
    typealias ReplyState = CustomerState

    var first: CustomerID
    var second: CustomerID
    /// The most open flags the second customer may have before this decision.
    var limit = Int.max
    /// What the second stream must be at (for the all-or-nothing tests).
    var secondExpected: ExpectedVersion = .streamExists
    var detail = ""

    func isRetry(of first: DomainEvent) -> Bool { false }

    func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        // The rule reads stream B's state inside the writer's transaction.
        let second = try CustomerState.row(of: .customer(self.second), tables: context.tables, in: txn)
        guard let second, second.openFlags < self.limit else {
            throw DomainError.ruleViolation(
                Rule("test.limit", "the second customer may hold only so many flags"),
                message: "the second customer has too many flags")
        }
        let flag = { (customer: CustomerID) in
            Decision.Event(
                .customer(
                    .flagged(
                        CustomerFlagged(
                            customer: customer, kind: .default, source: "test", detail: self.detail,
                            observedOn: LocalDate(daysSince1970: 0), response: nil))), occurredAt: context.now)
        }
        return Decision([
            .init(to: .customer(self.first), expected: .streamExists, [flag(self.first)]),
            .init(to: .customer(self.second), expected: self.secondExpected, [flag(self.second)]),
        ])
    }

    func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.first) }
}

@Suite("Decisions across streams: atomic, ordered by the writer, answered from the commit")
struct MultiStreamDecisionTests {
    static let metadata = CommandMetadata(actor: TestStore.actor)
    static let a = CustomerID(rawValue: "a")
    static let b = CustomerID(rawValue: "b")

    @Test func aDecisionAppendsToTwoStreamsWithOneCausation() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "a")
            _ = try await TestStore.register(store, "b")
            let outcome = try await store.execute(FlagBoth(first: Self.a, second: Self.b), metadata: Self.metadata)
            #expect(outcome.events.map(\.stream) == [.customer(Self.a), .customer(Self.b)])
            #expect(outcome.events.map(\.sequence) == [3, 4])
            #expect(Set(outcome.events.map(\.causationID)).count == 1)
            #expect(outcome.events[0].id == outcome.events[0].causationID, "the first event carries the causation id")
            #expect(outcome.events.allSatisfy { $0.correlationID == outcome.events[0].causationID })
            #expect(outcome.state?.openFlags == 1 && outcome.state?.id == Self.a)
            #expect(try store.customer(Self.b)?.openFlags == 1, "both streams projected in the same transaction")
            #expect(try store.replay().matches)
        }
    }

    /// The second stream's expectation fails: nothing of the decision is appended, while a
    /// command queued in the same batch still commits.
    @Test func aFailingSecondAppendLeavesNeitherStreamChanged() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "a")
            _ = try await TestStore.register(store, "b")
            let failing = store.enqueue(
                FlagBoth(first: Self.a, second: Self.b, secondExpected: .exact(7)), metadata: Self.metadata)
            let other = store.enqueue(
                RegisterCustomer(id: CustomerID(rawValue: "c"), name: "C", kind: .corporate), metadata: Self.metadata)
            await #expect(throws: StoreError.wrongExpectedVersion(stream: .customer(Self.b), expected: .exact(7), actual: 1)) {
                try await failing.value()
            }
            #expect(try await other.value().events.count == 1)
            #expect(try store.readStream(.customer(Self.a), limit: 10).count == 1)
            #expect(try store.readStream(.customer(Self.b), limit: 10).count == 1)
            #expect(try store.customer(Self.a)?.openFlags == 0)
            #expect(try store.head().sequence == 3)
            #expect(try store.verify().isIntact)
        }
    }

    /// A fault in the middle of the appends (the map at its maximum) aborts the decision whole.
    @Test func aStorageFaultDuringTheAppendsCommitsNeither() async throws {
        try await TestStore.with(configure: {
            $0.initialMapSize = 1 << 20
            $0.maximumMapSize = 1 << 20
        }) { store, _ in
            _ = try await TestStore.register(store, "a")
            _ = try await TestStore.register(store, "b")
            let detail = String(repeating: "d", count: 9_000)
            var flagged: Int?
            for round in 0..<400 {
                do {
                    _ = try await store.execute(FlagBoth(first: Self.a, second: Self.b, detail: detail), metadata: Self.metadata)
                } catch StoreError.storageFull {
                    flagged = round
                    break
                }
            }
            let rounds = try #require(flagged, "the map never filled")
            // Every decision that committed did so on both streams; the one that failed on neither.
            #expect(try store.customer(Self.a)?.openFlags == rounds)
            #expect(try store.customer(Self.b)?.openFlags == rounds)
            #expect(try store.head().sequence == UInt64(2 + 2 * rounds))
            #expect(try store.verify().isIntact)
        }
    }

    /// Two decisions that each read B and write A and B: B allows one more flag. Queued
    /// together, the writer runs them one after the other in one batch, so the second sees the
    /// first's flag on B and is refused.
    @Test(arguments: 1...20)
    func concurrentDecisionsCannotBothPassARuleOnAnotherStream(round: Int) async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "a")
            _ = try await TestStore.register(store, "b")
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try? await store.execute(FlagBoth(first: Self.a, second: Self.b, limit: 1), metadata: Self.metadata))
                            != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1, "round \(round)")
            #expect(try store.customer(Self.b)?.openFlags == 1)
            #expect(try store.customer(Self.a)?.openFlags == 1)
        }
    }

    /// Issue 16.5: a retry used to answer with the state at the time of the retry.
    @Test func aRetryAnswersWithTheOriginalStateNotTodays() async throws {
        try await TestStore.with { store, _ in
            let request = UUID()
            let register = RegisterCustomer(id: Self.a, name: "A", kind: .corporate)
            let first = try await store.execute(register, metadata: CommandMetadata(actor: TestStore.actor, requestID: request))
            _ = try await store.execute(
                FlagCustomer(customer: Self.a, kind: .default, source: "bureau"), metadata: Self.metadata)
            #expect(try store.customer(Self.a)?.openFlags == 1)

            let retry = try await store.execute(register, metadata: CommandMetadata(actor: TestStore.actor, requestID: request))
            #expect(retry.deduplicated)
            #expect(retry.events == first.events)
            #expect(retry.state == first.state)
            #expect(retry.state?.openFlags == 0 && retry.state?.version == 1)
        }
    }

    /// Commands grow the map as raw appends do (a wrapped map-full error once stopped growth).
    @Test func commandsGrowTheMap() async throws {
        try await TestStore.with(configure: { $0.initialMapSize = 1 << 20 }) { store, _ in
            _ = try await TestStore.register(store, "a")
            let description = String(repeating: "x", count: 9_000)
            for index in 0..<300 {
                _ = try await store.execute(
                    FileComplaint(
                        customer: Self.a, type: .service, channel: .phone, level: .l4, subject: "s\(index)",
                        description: description),
                    metadata: Self.metadata)
            }
            #expect(store.storageInfo().mapSize > 1 << 20)
            #expect(try store.head().sequence == 301)
        }
    }
}
