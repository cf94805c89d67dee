import DossierCore
import Testing

/// An imported record's facts are one decision, each through its own room's rules.
@Suite("Import decisions")
struct ImportDecisionsTests {
    typealias F = CreditFixtures
    static let policy = Policy()

    static func record(
        _ id: String = "c1", limit: ImportedLimit? = nil, flags: [ImportedFlag] = [], rating: ImportedRating? = nil,
        role: String? = "admin"
    ) -> ImportRecord {
        ImportRecord(
            source: "test", key: id,
            customer: RegisterCustomer(id: CustomerID(rawValue: id), name: "Acme \(id)", kind: .corporate),
            limit: limit, flags: flags, rating: rating, role: role)
    }

    static func decide(_ record: ImportRecord, customer: CustomerState? = nil, rating: RatingState? = nil) throws
        -> Decision
    {
        try ImportDecisions.decide(
            record, context: ImportDecisions.Context(customer: customer, rating: rating, actor: F.headOffice, now: F.now),
            policy: Self.policy)
    }

    static func agency(_ grade: String, on day: String) -> ImportedRating {
        ImportedRating(scale: "agency", grade: grade, effectiveOn: LocalDate(day)!, note: "S&P: \(grade)")
    }

    @Test func aNewCustomerIsRegisteredWithItsFlagsInOneAppend() throws {
        let decision = try Self.decide(
            Self.record(flags: [ImportedFlag(kind: .overdueRepayment, detail: "PAY_0 = 2"), ImportedFlag(kind: .default)]))
        #expect(decision.appends.count == 1)
        #expect(decision.appends[0].stream == .customer(CustomerID(rawValue: "c1")))
        #expect(decision.appends[0].expected == .noStream)
        #expect(decision.appends[0].events.count == 3)
    }

    @Test func aKnownCustomerWithNothingNewIsRefused() {
        let error = #expect(throws: DomainError.self) { try Self.decide(Self.record(), customer: F.customer()) }
        #expect(error?.details["field"] == "record")
    }

    @Test func aRecordCarriesALimitOrARatingNotBoth() {
        let limit = ImportedLimit(amount: ExactDecimal(1000), kind: .existing, mode: .internal, basis: "b")
        let error = #expect(throws: DomainError.self) {
            try Self.decide(Self.record(limit: limit, rating: Self.agency("BBB", on: "2014-11-27")))
        }
        #expect(error?.details["field"] == "record")
    }

    @Test func ratingsAreTakenOverByTheScalesApproversOnly() {
        let error = #expect(throws: DomainError.self) {
            try Self.decide(Self.record(rating: Self.agency("BBB", on: "2014-11-27"), role: "clerk"))
        }
        #expect(error?.rule == .ratingApproverRole)
    }

    @Test func aGradeOffTheScaleIsRefusedWithItsName() {
        let error = #expect(throws: DomainError.self) { try Self.decide(Self.record(rating: Self.agency("CC+", on: "2015-01-05"))) }
        #expect(error?.details["field"] == "grade")
    }

    @Test func ratingsComeInDateOrderAndMaySkipGrades() throws {
        let active = F.rating(scale: "agency", grade: "BBB", effectiveOn: LocalDate("2014-11-27")!)
        let older = #expect(throws: DomainError.self) {
            try Self.decide(Self.record(rating: Self.agency("BBB+", on: "2010-03-18")), customer: F.customer(), rating: active)
        }
        #expect(older?.rule == .ratingImportDateOrder && older?.details["activeSince"] == "2014-11-27")
        // Two grades up at once: the agency's history is what it is (rule rating.imported).
        let decision = try Self.decide(
            Self.record(rating: Self.agency("A-", on: "2016-06-30")), customer: F.customer(), rating: active)
        #expect(decision.appends.contains { $0.stream == .rating(CustomerID(rawValue: "c1"), scale: "agency") })
    }
}
