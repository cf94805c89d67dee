import DossierCore
import Testing

@Suite("CustomerDecisions.changeStage and changeTier: the pool and the tiers over time")
struct CustomerStageAndTierTests {
    static let c1 = CustomerID(rawValue: "c1")

    static func customer(stage: PoolStage, tier: CustomerTier = .ordinary) -> CustomerState {
        CustomerState(
            id: Self.c1, name: "Acme", kind: .corporate, stage: stage, tier: tier,
            registeredAt: Timestamp(rawValue: 0), version: 1)
    }

    static func metadata(_ version: UInt64) -> EventMetadata {
        EventMetadata(
            sequence: version, version: version, occurredAt: Timestamp(rawValue: Int64(version)),
            recordedAt: Timestamp(rawValue: Int64(version)), actor: Actor(uid: 1, user: "a"))
    }

    @Test(arguments: [(PoolStage.prospect, PoolStage.active), (.active, .key)])
    func aPromotionMovesUpOneStage(from: PoolStage, to: PoolStage) throws {
        let changed = try CustomerDecisions.changeStage(
            ChangeStage(customer: Self.c1, stage: to, reason: .promoted, note: "drew a loan"),
            customer: Self.customer(stage: from))
        #expect(changed.from == from && changed.to == to && changed.note == "drew a loan")
        let state = CustomerState.apply(
            Self.customer(stage: from), .customer(.stageChanged(changed)), at: Self.metadata(2))
        #expect(state?.stage == to && state?.version == 2)
    }

    @Test(arguments: [
        (PoolStage.prospect, PoolStage.key), (.key, .key), (.active, .prospect), (.prospect, .prospect),
        (.key, .active),
    ])
    func aPromotionThatIsNotOneStageUpIsRefused(from: PoolStage, to: PoolStage) {
        let error = #expect(throws: DomainError.self) {
            try CustomerDecisions.changeStage(
                ChangeStage(customer: Self.c1, stage: to, reason: .promoted), customer: Self.customer(stage: from))
        }
        #expect(error?.rule == .customerStagePath)
        #expect(error?.details["from"] == from.rawValue && error?.details["to"] == to.rawValue)
    }

    @Test(arguments: [StageChangeReason.paused, .demoted], [PoolStage.active, .key])
    func aPauseOrDemotionReturnsToProspect(reason: StageChangeReason, from: PoolStage) throws {
        let changed = try CustomerDecisions.changeStage(
            ChangeStage(customer: Self.c1, stage: .prospect, reason: reason), customer: Self.customer(stage: from))
        #expect(changed.to == .prospect && changed.reason == reason)
    }

    @Test(arguments: [StageChangeReason.paused, .demoted])
    func aPauseOrDemotionGoesNowhereElse(reason: StageChangeReason) {
        // key -> active is not a way back: only prospect is.
        for (from, to) in [(PoolStage.key, PoolStage.active), (.prospect, .prospect), (.active, .key)] {
            let error = #expect(throws: DomainError.self) {
                try CustomerDecisions.changeStage(
                    ChangeStage(customer: Self.c1, stage: to, reason: reason), customer: Self.customer(stage: from))
            }
            #expect(error?.rule == .customerStagePath, "\(from) -> \(to)")
        }
    }

    @Test func anUnregisteredCustomerHasNoStageToChange() {
        #expect(throws: DomainError.customerNotFound(Self.c1)) {
            try CustomerDecisions.changeStage(
                ChangeStage(customer: Self.c1, stage: .active, reason: .promoted), customer: nil)
        }
    }

    @Test func aTierChangeRecordsFromToAndTheTrimmedReason() throws {
        let changed = try CustomerDecisions.changeTier(
            ChangeTier(customer: Self.c1, tier: .adjusting, reason: "  committee 11/2026 "),
            customer: Self.customer(stage: .active, tier: .quality))
        #expect(changed.from == .quality && changed.to == .adjusting && changed.reason == "committee 11/2026")
        let state = CustomerState.apply(
            Self.customer(stage: .active), .customer(.tierChanged(changed)), at: Self.metadata(2))
        #expect(state?.tier == .adjusting)
        #expect(
            ChangeTier(customer: Self.c1, tier: .adjusting, reason: "committee 11/2026 ").isRetry(
                of: .customer(.tierChanged(changed))))
        #expect(
            !ChangeTier(customer: Self.c1, tier: .exit, reason: "committee 11/2026").isRetry(
                of: .customer(.tierChanged(changed))))
    }

    @Test func aTierChangeToTheSameTierIsRefused() {
        let error = #expect(throws: DomainError.self) {
            try CustomerDecisions.changeTier(
                ChangeTier(customer: Self.c1, tier: .gold, reason: "x"),
                customer: Self.customer(stage: .key, tier: .gold))
        }
        #expect(error?.rule == .customerTierChange && error?.details["tier"] == "gold")
    }

    @Test func aTierChangeNeedsAReason() {
        #expect(throws: DomainError.invalidField(field: "reason", reason: "must be 1 to 200 characters")) {
            try CustomerDecisions.changeTier(
                ChangeTier(customer: Self.c1, tier: .exit, reason: "  "), customer: Self.customer(stage: .key))
        }
    }

    @Test func theNewFlagKindsAndTheAdjustingTierAreOnTheWire() throws {
        for kind in [
            "malicious_debt_evasion", "false_information", "guarantee_default", "non_bank_or_online_loans",
            "minimum_payment_only", "repeated_rejected_applications",
        ] {
            #expect(FlagKind(rawValue: kind) != nil, "\(kind)")
        }
        #expect(CustomerTier.adjusting.displayName == "调整")
        #expect(CustomerTier.allCases.firstIndex(of: .adjusting)! < CustomerTier.allCases.firstIndex(of: .restricted)!)
    }
}
