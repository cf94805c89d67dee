import DossierCore
import Testing

@Suite("CustomerDecisions.flag")
struct FlagCustomerTests {
    static let today = LocalDate("2024-03-01")!
    static let customer = CustomerState(
        id: CustomerID(rawValue: "c1"), name: "Acme", kind: .corporate, stage: .active, tier: .ordinary,
        registeredAt: Timestamp(rawValue: 0), version: 1)

    static func command(source: String = " bureau ", observedOn: LocalDate? = nil) -> FlagCustomer {
        FlagCustomer(
            customer: CustomerID(rawValue: "c1"), kind: .overdueRepayment, source: source, detail: "90 days",
            observedOn: observedOn, response: .limitCut)
    }

    @Test func recordsTheFlagWithTodayAsTheDefaultDay() throws {
        let flagged = try CustomerDecisions.flag(Self.command(), customer: Self.customer, today: Self.today)
        #expect(flagged.source == "bureau")
        #expect(flagged.observedOn == Self.today)
        #expect(flagged.kind == .overdueRepayment)
        #expect(flagged.response == .limitCut)
    }

    @Test func anUnknownCustomerCannotBeFlagged() {
        #expect(throws: DomainError.customerNotFound(CustomerID(rawValue: "c1"))) {
            try CustomerDecisions.flag(Self.command(), customer: nil, today: Self.today)
        }
    }

    @Test(arguments: ["", "   "])
    func aFlagNeedsASource(source: String) {
        #expect(throws: DomainError.invalidField(field: "source", reason: "must be 1 to 200 characters")) {
            try CustomerDecisions.flag(Self.command(source: source), customer: Self.customer, today: Self.today)
        }
    }

    @Test func aFlagCannotBeObservedInTheFuture() {
        #expect(throws: DomainError.self) {
            try CustomerDecisions.flag(
                Self.command(observedOn: Self.today.adding(days: 1)), customer: Self.customer, today: Self.today)
        }
    }

    @Test func flagsCountOnTheCustomerAndMoveItsVersion() throws {
        let flagged = DomainEvent.customer(.flagged(
            try CustomerDecisions.flag(Self.command(), customer: Self.customer, today: Self.today)))
        let metadata = EventMetadata(
            sequence: 9, version: 2, occurredAt: Timestamp(rawValue: 5_000), recordedAt: Timestamp(rawValue: 5_000),
            actor: Actor(uid: 1, user: "a"))
        let next = try #require(CustomerState.apply(Self.customer, flagged, at: metadata))
        #expect(next.openFlags == 1)
        #expect(next.lastFlaggedAt == Timestamp(rawValue: 5_000))
        #expect(next.version == 2)
        #expect(CustomerState.apply(nil, flagged, at: metadata) == nil)
    }

    @Test func aRetryMustRepeatTheFlag() throws {
        let event = DomainEvent.customer(.flagged(
            try CustomerDecisions.flag(Self.command(), customer: Self.customer, today: Self.today)))
        #expect((Self.command()).isRetry(of: event))
        var other = Self.command()
        other.kind = .highDebtRatio
        #expect(!(other).isRetry(of: event))
    }

    @Test func olderProjectionRowsWithoutFlagFieldsStillDecode() throws {
        let row = #"{"id":"c1","kind":"corporate","name":"Acme","registeredAt":"2024-03-01T00:00:00.000Z","stage":"active","tier":"ordinary","version":1}"#
        let state = try DossierJSON.decode(CustomerState.self, from: Array(row.utf8))
        #expect(state.openFlags == 0)
        #expect(state.lastFlaggedAt == nil)
    }
}
