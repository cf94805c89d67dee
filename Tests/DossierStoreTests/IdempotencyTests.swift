import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Idempotent retries")
struct IdempotencyTests {
    @Test func aRetriedRequestAppendsNothingAndReturnsTheOriginal() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let requestID = UUID()
            let first = try await TestStore.fileComplaint(store, customer: "c1", subject: "card fees", requestID: requestID)
            let head = try store.head()
            let retry = try await TestStore.fileComplaint(store, customer: "c1", subject: "card fees", requestID: requestID)
            #expect(!first.deduplicated)
            #expect(retry.deduplicated)
            #expect(retry.events == first.events)
            #expect(try store.head() == head)
            #expect(first.events[0].id == requestID)
        }
    }

    @Test func reusingARequestIdForADifferentRequestIsRefused() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let requestID = UUID()
            _ = try await TestStore.fileComplaint(store, customer: "c1", subject: "card fees", requestID: requestID)
            let head = try store.head()
            let reused = DomainError.requestIDReused(requestID.uuidString.lowercased())
            await #expect(throws: reused) {
                try await TestStore.fileComplaint(store, customer: "c1", subject: "loan rate", requestID: requestID)
            }
            await #expect(throws: reused) {
                try await store.execute(
                    RegisterCustomer(id: CustomerID(rawValue: "c2"), name: "B", kind: .individual),
                    metadata: CommandMetadata(actor: TestStore.actor, requestID: requestID))
            }
            #expect(try store.head() == head)
            #expect(reused.rule?.id == "request.unique_id")
        }
    }

    @Test func concurrentRetriesOfOneRequestLandOnce() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let requestID = UUID()
            let outcomes = try await withThrowingTaskGroup(of: CommandOutcome.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await TestStore.fileComplaint(store, customer: "c1", subject: "card fees", requestID: requestID)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0.deduplicated }.count == 1)
            #expect(Set(outcomes.map { $0.events[0].sequence }).count == 1)
            #expect(try store.complaints(limit: 100).count == 1)
        }
    }
}
