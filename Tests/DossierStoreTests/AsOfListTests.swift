import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// Lists as of a past time: the rows of that time, each folded from its stream up to then,
/// filters and clocks judged then.
@Suite("Lists as the log showed them at a past time")
struct AsOfListTests {
    static func handle(_ store: DossierStore, _ number: ComplaintNumber, _ step: ComplaintStep) async throws {
        _ = try await store.execute(
            HandleComplaint(number: number, step: step), metadata: CommandMetadata(actor: TestStore.actor))
    }

    /// "What did the overdue list show on that day?": the complaint was overdue then, and is
    /// not now that it was acknowledged; a complaint filed later is not on the old list.
    @Test func theOverdueListOfAPastTimeShowsWhatWasOverdueThen() async throws {
        let clock = TestClock()
        try await TestStore.with(clock: clock) { store, _ in
            _ = try await TestStore.register(store, "c1")
            let late = try #require(try await TestStore.fileComplaint(store, customer: "c1").state)
            clock.set(late.respondBy.adding(minutes: 10))
            let then = clock.read()
            var overdue = ComplaintFilter()
            overdue.overdue = true
            #expect(try store.complaints(matching: overdue, limit: 10, now: then).map(\.complaint.number) == [late.number])

            clock.advance(minutes: 10)
            try await Self.handle(store, late.number, .acknowledge(note: "called back"))
            let later = try #require(try await TestStore.fileComplaint(store, customer: "c1").state)
            let now = clock.read()
            #expect(now < later.respondBy && now < late.resolveBy)

            #expect(try store.complaints(matching: overdue, limit: 10, now: now).map(\.complaint.number) == [])
            let past = try store.complaints(matching: overdue, limit: 10, asOf: then)
            #expect(past.map(\.complaint.number) == [late.number])
            #expect(past.first?.complaint.status == .received, "the complaint as it stood then")
            #expect(past.first?.due.overdue == true)
            // Every complaint of the customer then: only the first existed.
            var ofCustomer = ComplaintFilter()
            ofCustomer.customer = CustomerID(rawValue: "c1")
            #expect(try store.complaints(matching: ofCustomer, limit: 10, asOf: then).map(\.complaint.number) == [late.number])
            #expect(try store.complaints(matching: ofCustomer, limit: 10, asOf: now).count == 2)
        }
    }

    @Test func customersAsOfLeaveOutLaterOnesAndShowTheFlagsOpenThen() async throws {
        let clock = TestClock()
        try await TestStore.with(clock: clock) { store, _ in
            for id in ["a", "b", "c"] { _ = try await TestStore.register(store, id) }
            clock.advance(minutes: 1)
            _ = try await store.execute(
                FlagCustomer(customer: CustomerID(rawValue: "b"), kind: .overdueRepayment, source: "bureau"),
                metadata: CommandMetadata(actor: TestStore.actor))
            clock.advance(minutes: 1)
            let flagged = clock.read()
            clock.advance(minutes: 1)
            _ = try await TestStore.register(store, "d")
            _ = try await store.execute(
                ResolveFlag(customer: CustomerID(rawValue: "b"), flag: 1, outcome: .settled),
                metadata: CommandMetadata(actor: TestStore.actor))

            #expect(try store.customers(limit: 10, asOf: flagged).map(\.id.rawValue) == ["a", "b", "c"])
            #expect(try store.customers(limit: 10).map(\.id.rawValue) == ["a", "b", "c", "d"])
            // Pages as of a time go on after the last id, as today's do.
            #expect(try store.customers(after: CustomerID(rawValue: "a"), limit: 1, asOf: flagged).map(\.id.rawValue) == ["b"])
            #expect(try store.customers(withOpenFlag: .overdueRepayment, limit: 10, asOf: flagged).map(\.id.rawValue) == ["b"])
            #expect(try store.customers(withOpenFlag: .overdueRepayment, limit: 10).isEmpty)
            #expect(try store.customers(withOpenFlag: .overdueRepayment, limit: 10, asOf: clock.read()).isEmpty)
            // Before anything was recorded, the list was empty.
            #expect(try store.customers(limit: 10, asOf: Timestamp(iso8601: "2020-01-01T00:00:00Z")!).isEmpty)
        }
    }

    /// More rows than one scan reads at a time, most of them filtered out.
    @Test func aFilteredPageAsOfATimeScansPastManyRefusedRows() async throws {
        let clock = TestClock()
        try await TestStore.with(clock: clock) { store, _ in
            for index in 0..<600 { _ = try await TestStore.register(store, String(format: "c%04d", index)) }
            for index in stride(from: 5, to: 600, by: 100) {
                _ = try await store.execute(
                    FlagCustomer(customer: CustomerID(rawValue: String(format: "c%04d", index)), kind: .falseInformation, source: "s"),
                    metadata: CommandMetadata(actor: TestStore.actor))
            }
            let found = try store.customers(withOpenFlag: .falseInformation, limit: 4, asOf: clock.read())
            #expect(found.map(\.id.rawValue) == ["c0005", "c0105", "c0205", "c0305"])
            let rest = try store.customers(withOpenFlag: .falseInformation, after: found.last?.id, limit: 10, asOf: clock.read())
            #expect(rest.map(\.id.rawValue) == ["c0405", "c0505"])
        }
    }
}
