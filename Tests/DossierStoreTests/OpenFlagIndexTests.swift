import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("Customers with open flags of a kind: the index follows flags and resolutions")
struct OpenFlagIndexTests {
    static let metadata = CommandMetadata(actor: TestStore.actor)

    @Test func theIndexListsExactlyTheCustomersWithAnOpenFlagOfTheKind() async throws {
        try await TestStore.with { store, _ in
            for id in ["a", "b", "c"] { _ = try await TestStore.register(store, id) }
            func flag(_ id: String, _ kind: FlagKind) async throws {
                _ = try await store.execute(
                    FlagCustomer(customer: CustomerID(rawValue: id), kind: kind, source: "bureau"),
                    metadata: Self.metadata)
            }
            try await flag("a", .guaranteeDefault)
            try await flag("a", .guaranteeDefault)
            try await flag("b", .guaranteeDefault)
            try await flag("c", .falseInformation)
            let ids = { (kind: FlagKind) in try store.customers(withOpenFlag: kind, limit: 10).map(\.id.rawValue) }
            #expect(try ids(.guaranteeDefault) == ["a", "b"])
            #expect(try ids(.falseInformation) == ["c"])
            #expect(
                try store.customers(withOpenFlag: .guaranteeDefault, after: CustomerID(rawValue: "a"), limit: 10).map(
                    \.id.rawValue) == ["b"])

            // a has two: resolving one keeps a listed, resolving both takes it off.
            for flag in [1, 2] {
                _ = try await store.execute(
                    ResolveFlag(customer: CustomerID(rawValue: "a"), flag: flag, outcome: .settled),
                    metadata: Self.metadata)
                #expect(try ids(.guaranteeDefault) == (flag == 1 ? ["a", "b"] : ["b"]))
            }
            #expect(try store.replay().matches, "a rebuild never writes the removed rows either")
        }
    }

    @Test func stageAndTierChangesFoldIntoTheRow() async throws {
        try await TestStore.with { store, _ in
            _ = try await TestStore.register(store, "a")
            let id = CustomerID(rawValue: "a")
            _ = try await store.execute(
                ChangeStage(customer: id, stage: .active, reason: .promoted), metadata: Self.metadata)
            let outcome = try await store.execute(
                ChangeTier(customer: id, tier: .restricted, reason: "review"), metadata: Self.metadata)
            #expect(
                outcome.state?.stage == .active && outcome.state?.tier == .restricted && outcome.state?.version == 3)
            #expect(try store.replay().matches)
        }
    }
}
