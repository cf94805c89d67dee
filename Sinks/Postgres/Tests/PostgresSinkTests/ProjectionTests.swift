import DossierCore
import DossierFoundation
import DossierProtocol
import Foundation
@testable import PostgresSink
import Testing

/// The projections' folds, without PostgreSQL: the rows a run of events leaves, as
/// `ProjectionWriter` folds them (the end-to-end tests cover customers and complaints through a
/// real daemon; ratings and limits need four-eyes approvals by other uids there).
struct ProjectionTests {
    static func event(
        _ sequence: UInt64, _ stream: String, _ version: UInt64, _ type: String, _ json: String, user: String = "ann"
    ) throws -> EventView {
        let time = Timestamp(millisecondsSince1970: 1_700_000_000_000 + Int64(sequence) * 1000)
        return EventView(
            sequence: sequence, id: UUID(), stream: stream, version: version, type: type, schemaVersion: 1,
            occurredAt: time, recordedAt: time, actor: Actor(uid: 1000, user: user), correlationId: nil,
            causationId: nil, data: try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
            hash: String(repeating: "0", count: 64))
    }

    /// Folds `events` in order, as the writer does within a batch.
    static func fold<P: ReplicaProjection>(_ projection: P.Type, _ events: [EventView]) -> [P.Key: P.Row] {
        var rows: [P.Key: P.Row] = [:]
        for event in events {
            for key in P.keys(of: event) { rows[key] = P.apply(event, key: key, to: rows[key]) }
        }
        return rows
    }

    static func terms(_ amount: String) -> String {
        #"{"amount":{"amount":"\#(amount)","currency":"CNY"},"kind":"incremental","mode":"internal","validFrom":"2026-01-01","validTo":"2026-12-31","basis":"plan"}"#
    }

    @Test func aLimitGoesFromProposedToApprovedAndAChangeWaitsBesideIt() throws {
        let stream = "limit-c1"
        var events = [
            try Self.event(1, stream, 1, CreditLimitProposed.typeName, #"{"number":1,"isChange":false,"terms":\#(Self.terms("1000000.00"))}"#),
        ]
        let key = CreditLimitProjection.Key(subject: stream, number: 1)
        var row = try #require(Self.fold(CreditLimitProjection.self, events)[key])
        #expect(row.status == "proposed" && row.amount == "1000000.00" && row.customer == "c1" && row.creditGroup == nil)

        events.append(
            try Self.event(
                2, stream, 2, CreditLimitApproved.typeName,
                #"{"number":1,"isChange":false,"terms":\#(Self.terms("1000000.00")),"authority":"branch_committee"}"#))
        events.append(
            try Self.event(3, stream, 3, CreditLimitProposed.typeName, #"{"number":1,"isChange":true,"terms":\#(Self.terms("2000000.00"))}"#))
        row = try #require(Self.fold(CreditLimitProjection.self, events)[key])
        #expect(row.status == "approved" && row.amount == "1000000.00" && row.proposedAmount == "2000000.00")
        #expect(row.authority == "branch_committee" && row.currency == "CNY" && row.validTo == "2026-12-31")

        // A rejected change leaves the approved limit standing.
        events.append(try Self.event(4, stream, 4, CreditLimitRejected.typeName, #"{"number":1}"#))
        row = try #require(Self.fold(CreditLimitProjection.self, events)[key])
        #expect(row.status == "approved" && row.proposedAmount == nil && row.version == 4 && row.lastSequence == 4)

        events.append(try Self.event(5, stream, 5, CreditLimitFrozen.typeName, #"{"number":1}"#))
        #expect(Self.fold(CreditLimitProjection.self, events)[key]?.status == "frozen")
        events.append(try Self.event(6, stream, 6, CreditLimitRevoked.typeName, #"{"number":1}"#))
        #expect(Self.fold(CreditLimitProjection.self, events)[key]?.status == "revoked")

        // A group's limit names the group, not a customer.
        let group = Self.fold(
            CreditLimitProjection.self,
            [try Self.event(7, "grouplimit-g1", 1, CreditLimitProposed.typeName, #"{"number":1,"isChange":false,"terms":\#(Self.terms("5"))}"#)])
        #expect(group.values.first?.creditGroup == "g1" && group.values.first?.customer == nil)
    }

    @Test func aRatingIsTheApprovedGradeWithAProposalBesideIt() throws {
        let stream = "rating-c-1-corporate"
        let terms = #"{"grade":"A","score":"71.5","reason":"annual_review","effectiveOn":"2026-03-01","nextReviewOn":"2027-03-01"}"#
        var events = [try Self.event(1, stream, 1, RatingProposed.typeName, #"{"terms":\#(terms)}"#)]
        let key = RatingProjection.Key(customer: "c-1", scale: "corporate")
        var row = try #require(Self.fold(RatingProjection.self, events)[key])
        #expect(row.grade == nil && row.proposedGrade == "A")

        events.append(try Self.event(2, stream, 2, RatingApproved.typeName, #"{"terms":\#(terms),"isDefault":false}"#, user: "bob"))
        row = try #require(Self.fold(RatingProjection.self, events)[key])
        #expect(row.grade == "A" && row.score == "71.5" && row.proposedGrade == nil && row.approvedBy == "bob")
        #expect(row.effectiveOn == "2026-03-01" && row.isDefault == false && row.reason == "annual_review")

        // A withheld event of a rating the sink has no row for invents none.
        let withheld = try Self.event(3, "rating-c2-corporate", 1, Confidentiality.withheldEventType, "null")
        #expect(Self.fold(RatingProjection.self, [withheld]).isEmpty)
    }

    @Test func aWithheldFlagMakesTheCustomersFlagCountUnknown() throws {
        let stream = "customer-c1"
        let events = [
            try Self.event(1, stream, 1, CustomerRegistered.typeName, #"{"name":"Acme","kind":"corporate","stage":"prospect","tier":"ordinary"}"#),
            try Self.event(2, stream, 2, CustomerFlagged.typeName, #"{"kind":"default"}"#),
            try Self.event(3, stream, 3, Confidentiality.withheldEventType, "null"),
        ]
        let rows = Self.fold(CustomerProjection.self, Array(events.prefix(2)))
        #expect(rows[.init(customer: "c1")]?.openFlags == 1)
        let after = Self.fold(CustomerProjection.self, events)[.init(customer: "c1")]
        #expect(after?.openFlags == nil && after?.version == 3 && after?.name == "Acme")
    }
}
