import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

/// `group.exposure` as of a past time: the group's members, their limits, the group's own
/// limit and the net capital each folded to then, judged on that day.
@Suite("A group's exposure as of a past time")
struct GroupExposureAsOfTests {
    typealias S = CreditStoreTests

    @Test func theExposureThenHasThenMembersLimitsAndNetCapital() async throws {
        let clock = TestClock(Timestamp(iso8601: "2024-03-01T02:00:00Z")!)
        try await TestStore.with(clock: clock) { store, _ in
            let group = GroupID(rawValue: "g1")
            for id in ["m1", "m2"] {
                _ = try await TestStore.register(store, id)
                _ = try await S.rate(store, CustomerID(rawValue: id), "AA")
            }
            _ = try await store.execute(
                SetNetCapital(amount: ExactDecimal(1_000_000_000), reason: "report"), metadata: S.approver)
            _ = try await store.execute(CreateGroup(id: group, name: "G"), metadata: S.clerk)
            _ = try await store.execute(
                AddGroupMember(group: group, customer: CustomerID(rawValue: "m1"), relation: .control, evidence: "51%"),
                metadata: S.clerk)
            _ = try await S.grant(store, .group(group), 50_000_000)
            _ = try await S.grant(store, .customer(CustomerID(rawValue: "m1")), 30_000_000)
            let then = clock.read()

            clock.advance(minutes: 60 * 24 * 40)
            _ = try await store.execute(
                AddGroupMember(group: group, customer: CustomerID(rawValue: "m2"), relation: .control, evidence: "60%"),
                metadata: S.clerk)
            _ = try await S.grant(store, .customer(CustomerID(rawValue: "m2")), 10_000_000)
            _ = try await store.execute(
                SetNetCapital(amount: ExactDecimal(2_000_000_000), reason: "report"), metadata: S.approver)

            let now = try #require(try store.groupExposure(group, on: store.today))
            #expect(now.members.map(\.customer.rawValue) == ["m1", "m2"])
            #expect(now.memberLimitSum == ExactDecimal(40_000_000))
            #expect(now.netCapital == ExactDecimal(2_000_000_000))

            let past = try #require(try store.groupExposure(group, asOf: then))
            #expect(past.members.map(\.customer.rawValue) == ["m1"])
            #expect(past.memberLimitSum == ExactDecimal(30_000_000))
            #expect(past.headroom == ExactDecimal(20_000_000))
            #expect(past.netCapital == ExactDecimal(1_000_000_000))
            #expect(past.asOf == LocalDate("2024-03-01"))

            // Before the group existed, there is none to show.
            #expect(try store.groupExposure(group, asOf: Timestamp(iso8601: "2024-02-01T00:00:00Z")!) == nil)
        }
    }
}
