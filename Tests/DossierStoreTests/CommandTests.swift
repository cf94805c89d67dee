import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Commands: decide, append and project in one transaction")
struct CommandTests {
    @Test func registeringACustomerProjectsIt() async throws {
        try await TestStore.with { store, _ in
            let outcome = try await TestStore.register(store, "c42", name: "  Acme Ltd ")
            #expect(outcome.events.count == 1)
            #expect(outcome.events[0].stream == StreamID(rawValue: "customer-c42"))
            #expect(outcome.events[0].type == "CustomerRegistered")
            let customer = try #require(try store.customer(CustomerID(rawValue: "c42")))
            #expect(customer.name == "Acme Ltd")
            #expect(customer.version == 1)
        }
    }

    @Test func aSecondRegistrationIsRefusedAndWritesNothing() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let head = try store.head()
            await #expect(throws: DomainError.customerAlreadyRegistered(CustomerID(rawValue: "c1"))) {
                try await TestStore.register(store, "c1")
            }
            #expect(try store.head() == head)
        }
    }

    @Test func complaintsAreNumberedPerUnitAndDay() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-03-01T02:00:00Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            var numbers: [String] = []
            for _ in 0..<3 {
                let outcome = try await TestStore.fileComplaint(store, customer: "c1")
                numbers.append(try #require(outcome.events.first).stream.rawValue)
            }
            // 2024-03-01T17:00Z is already 2024-03-02 in Asia/Shanghai: a new day, a new series.
            clock.set(Timestamp(iso8601: "2024-03-01T17:00:00Z")!)
            numbers.append(try #require(try await TestStore.fileComplaint(store, customer: "c1").events.first).stream.rawValue)
            #expect(
                numbers == [
                    "complaint-HQ240301001", "complaint-HQ240301002", "complaint-HQ240301003", "complaint-HQ240302001",
                ])
            let listed = try store.complaints(of: CustomerID(rawValue: "c1"), limit: 10).map(\.number.rawValue)
            #expect(listed == ["HQ240301001", "HQ240301002", "HQ240301003", "HQ240302001"])
            let complaint = try #require(try store.complaint(ComplaintNumber(rawValue: "HQ240301002")))
            #expect(complaint.status == .received)
            #expect(complaint.owner == TestStore.actor.user)
            #expect(complaint.resolveBy == Timestamp(iso8601: "2024-03-08T02:00:00Z"))  // L3: 5 working days
        }
    }

    @Test func complaintsAboutUnknownCustomersAreRefused() async throws {
        try await TestStore.with { store, _ in
            await #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "ghost"))) {
                try await TestStore.fileComplaint(store, customer: "ghost")
            }
            let head = try store.head()
            #expect(head.sequence == 0)
        }
    }

    @Test func flagsAppendToTheCustomerStreamWithExpectedVersions() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "c1")
            let flag = FlagCustomer(customer: CustomerID(rawValue: "c1"), kind: .highDebtRatio, source: "bureau")
            let first = try await store.execute(
                flag, metadata: CommandMetadata(actor: TestStore.actor, expectedVersion: .exact(1)))
            #expect(first.events[0].stream == StreamID(rawValue: "customer-c1"))
            #expect(first.events[0].version == 2)
            // A decision made on version 1 is stale now.
            await #expect(throws: StoreError.wrongExpectedVersion(stream: StreamID(rawValue: "customer-c1"), expected: .exact(1), actual: 2)) {
                try await store.execute(
                    flag, metadata: CommandMetadata(actor: TestStore.actor, expectedVersion: .exact(1)))
            }
            let customer = try #require(try store.customer(CustomerID(rawValue: "c1")))
            #expect(customer.openFlags == 1)
            #expect(customer.version == 2)
            await #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "nobody"))) {
                try await store.execute(
                    FlagCustomer(customer: CustomerID(rawValue: "nobody"), kind: .default, source: "x"),
                    metadata: CommandMetadata(actor: TestStore.actor))
            }
        }
    }

    @Test func replayRebuildsExactlyTheStoredProjections() async throws {
        try await TestStore.with { store, _ in
            for index in 0..<30 { _ = try await TestStore.register(store, "c\(index)") }
            for index in 0..<90 {
                if index % 3 == 0 {
                    _ = try await TestStore.fileComplaint(store, customer: "c\(index % 30)")
                } else {
                    _ = try await store.execute(
                        FlagCustomer(customer: CustomerID(rawValue: "c\(index % 30)"), kind: .highDebtRatio, source: "b"),
                        metadata: CommandMetadata(actor: TestStore.actor))
                }
            }
            let report = try store.replay()
            #expect(report.matches, "\(report.mismatches)")
            #expect(report.events == 120)
            // Customers, complaints, complaints by customer and by subject, one running count, the
            // 20 customers with an open flag, and the Merkle tree: 7 + 3 + 1 nodes of 16, 32 and
            // 64 leaves over 120 events, and its frontier.
            #expect(report.rows == 30 + 30 + 30 + 30 + 1 + 20 + 12)
        }
    }

    @Test func stateAsOfAPastTimeFoldsTheStreamUpToThen() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-03-01T02:00:00Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            clock.advance(minutes: 60)
            _ = try await store.execute(
                FlagCustomer(customer: CustomerID(rawValue: "c1"), kind: .default, source: "bureau"),
                metadata: CommandMetadata(actor: TestStore.actor))
            let id = CustomerID(rawValue: "c1")
            #expect(try store.customer(id, asOf: Timestamp(iso8601: "2024-03-01T01:59:59Z")!) == nil)
            let before = try #require(try store.customer(id, asOf: Timestamp(iso8601: "2024-03-01T02:30:00Z")!))
            #expect(before.openFlags == 0)
            #expect(before.version == 1)
            let after = try #require(try store.customer(id, asOf: Timestamp(iso8601: "2024-03-01T03:00:00Z")!))
            #expect(after == (try store.customer(id)))
        }
    }

    @Test func complaintListsPageAndFilterByCustomer() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "a")
            _ = try await TestStore.register(store, "b")
            for index in 0..<6 { _ = try await TestStore.fileComplaint(store, customer: index.isMultiple(of: 2) ? "a" : "b") }
            #expect(try store.complaints(of: CustomerID(rawValue: "a"), limit: 10).count == 3)
            let firstPage = try store.complaints(limit: 4)
            let secondPage = try store.complaints(after: firstPage.last?.number, limit: 4)
            #expect(firstPage.count == 4)
            #expect(secondPage.count == 2)
            #expect(Set((firstPage + secondPage).map(\.number)).count == 6)
            #expect(try store.customers(after: CustomerID(rawValue: "a"), limit: 10).map(\.id.rawValue) == ["b"])
        }
    }
}
