import DossierCore
import Testing

@Suite("CustomerDecisions.resolveFlag and the flags of a customer")
struct ResolveFlagTests {
    static let today = LocalDate("2024-03-10")!
    static let c1 = CustomerID(rawValue: "c1")

    static func metadata(_ version: UInt64) -> EventMetadata {
        EventMetadata(
            sequence: version, version: version, occurredAt: Timestamp(rawValue: Int64(version) * 1000),
            recordedAt: Timestamp(rawValue: Int64(version) * 1000), actor: Actor(uid: 1, user: "a"))
    }

    /// A customer with flags observed on the 1st (overdue) and the 5th (default) of March.
    static func flaggedCustomer() throws -> CustomerState {
        var state = CustomerState.apply(
            nil,
            .customer(.registered(CustomerRegistered(customer: Self.c1, name: "Acme", kind: .corporate, stage: .active, tier: .ordinary))),
            at: Self.metadata(1))
        for (version, (kind, day)) in [(FlagKind.overdueRepayment, "2024-03-01"), (.default, "2024-03-05")].enumerated() {
            let flagged = try CustomerDecisions.flag(
                FlagCustomer(customer: Self.c1, kind: kind, source: "bureau", observedOn: LocalDate(day)),
                customer: state, today: Self.today)
            state = CustomerState.apply(state, .customer(.flagged(flagged)), at: Self.metadata(UInt64(version) + 2))
        }
        return try #require(state)
    }

    static func resolve(_ flag: Int, on day: String? = nil, note: String = "") -> ResolveFlag {
        ResolveFlag(customer: Self.c1, flag: flag, outcome: .settled, resolvedOn: day.flatMap { LocalDate($0) }, note: note)
    }

    @Test func flagsAreNumberedInTheOrderTheyWereRecorded() throws {
        let customer = try Self.flaggedCustomer()
        #expect(customer.flags.map(\.number) == [1, 2])
        #expect(customer.flags.map(\.kind) == [.overdueRepayment, .default])
        #expect(customer.openFlags == 2 && customer.flagsRecorded == 2)
    }

    @Test func resolvingAFlagLeavesTheOthersOpenAndKeepsTheNumbering() throws {
        var customer: CustomerState? = try Self.flaggedCustomer()
        let resolved = try CustomerDecisions.resolveFlag(Self.resolve(1), customer: customer, today: Self.today)
        #expect(resolved.kind == .overdueRepayment && resolved.resolvedOn == Self.today && resolved.outcome == .settled)
        customer = CustomerState.apply(customer, .customer(.flagResolved(resolved)), at: Self.metadata(4))
        #expect(customer?.flags.map(\.number) == [2])
        #expect(customer?.openFlags == 1 && customer?.version == 4)

        // A flag recorded later gets the next number, not a reused one.
        let again = try CustomerDecisions.flag(
            FlagCustomer(customer: Self.c1, kind: .highDebtRatio, source: "branch"), customer: customer, today: Self.today)
        customer = CustomerState.apply(customer, .customer(.flagged(again)), at: Self.metadata(5))
        #expect(customer?.flags.map(\.number) == [2, 3])
    }

    @Test func aResolvedFlagCannotBeResolvedAgain() throws {
        var customer: CustomerState? = try Self.flaggedCustomer()
        let resolved = try CustomerDecisions.resolveFlag(Self.resolve(1), customer: customer, today: Self.today)
        customer = CustomerState.apply(customer, .customer(.flagResolved(resolved)), at: Self.metadata(4))
        let error = #expect(throws: DomainError.self) {
            try CustomerDecisions.resolveFlag(Self.resolve(1), customer: customer, today: Self.today)
        }
        #expect(error?.rule == .customerFlagOpen)
        #expect(error?.details == ["rule": "customer.flag_open", "customer": "c1", "flag": "1"])
    }

    @Test(arguments: [0, 3, -1])
    func aFlagThatWasNeverRecordedIsNotFound(flag: Int) throws {
        let error = #expect(throws: DomainError.self) {
            try CustomerDecisions.resolveFlag(Self.resolve(flag), customer: try Self.flaggedCustomer(), today: Self.today)
        }
        #expect(error?.isNotFound == true)
        #expect(error?.details["flag"] == String(flag))
    }

    @Test func anUnknownCustomerIsNotFound() {
        #expect(throws: DomainError.customerNotFound(Self.c1)) {
            try CustomerDecisions.resolveFlag(Self.resolve(1), customer: nil, today: Self.today)
        }
    }

    @Test func theResolutionDayLiesBetweenTheObservationAndToday() throws {
        let customer = try Self.flaggedCustomer()
        #expect(throws: DomainError.invalidField(field: "resolvedOn", reason: "must not be in the future")) {
            try CustomerDecisions.resolveFlag(Self.resolve(1, on: "2024-03-11"), customer: customer, today: Self.today)
        }
        let early = #expect(throws: DomainError.self) {
            try CustomerDecisions.resolveFlag(Self.resolve(2, on: "2024-03-04"), customer: customer, today: Self.today)
        }
        #expect(early?.rule == .customerFlagResolvedAfterObservation)
        // The day of observation itself is fine.
        #expect(try CustomerDecisions.resolveFlag(Self.resolve(2, on: "2024-03-05"), customer: customer, today: Self.today).resolvedOn
            == LocalDate("2024-03-05"))
    }

    @Test func aLongNoteIsRefused() throws {
        #expect(throws: DomainError.invalidField(field: "note", reason: "must be at most 10000 characters")) {
            try CustomerDecisions.resolveFlag(
                Self.resolve(1, note: String(repeating: "n", count: 10_001)), customer: try Self.flaggedCustomer(),
                today: Self.today)
        }
    }

    @Test func aRetryIsTheSameResolution() throws {
        let resolved = try CustomerDecisions.resolveFlag(Self.resolve(1, note: "paid"), customer: try Self.flaggedCustomer(), today: Self.today)
        let event = DomainEvent.customer(.flagResolved(resolved))
        #expect(Self.resolve(1, note: "paid").isRetry(of: event))
        #expect(!Self.resolve(2, note: "paid").isRetry(of: event))
        #expect(!Self.resolve(1, note: "other").isRetry(of: event))
        #expect(!Self.resolve(1, on: "2024-03-02", note: "paid").isRetry(of: event))
    }

    @Test func theResolutionIsConfidentialLikeTheFlag() {
        let customerTypes = Set(CustomerEvent.payloadTypes.map { $0.typeName })
        let confidential = DomainEvent.confidentialTypeNames.intersection(customerTypes)
        #expect(confidential == ["CustomerFlagged", "CustomerFlagResolved"])
    }
}
