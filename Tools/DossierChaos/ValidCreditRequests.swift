import DossierCore
import DossierProtocol
import Foundation

/// Valid requests of the credit rooms for the fuzzer: each is valid given what one connection
/// recorded itself (its own customers' stage, tier and pending rating; its own groups), so a
/// refusal of one is a finding. Approvals are left out: the fuzzer's one uid proposes, and the
/// proposer never approves.
struct ValidCreditRequests {
    /// What the connection knows of a customer it registered.
    struct Customer {
        var stage: PoolStage
        var tier: CustomerTier
        var ratingPending = false
        var group: String?
    }

    /// What the connection knows of a group it created.
    struct Group {
        var members: [String] = []
        var limitPending = false
    }

    /// Every generator records the same net capital, so concurrent connections never lower it
    /// under another's group limit: 15% of it is 150 billion.
    static let netCapital = ExactDecimal(1_000_000_000_000)

    private(set) var customers: [String: Customer] = [:]
    private(set) var groups: [String: Group] = [:]
    private var netCapitalSet = false

    mutating func registered(_ params: RegisterCustomerParams) {
        self.customers[params.id] = Customer(stage: params.stage ?? .prospect, tier: params.tier ?? .ordinary)
    }

    /// A valid credit write for one of the connection's own customers or groups, and its method;
    /// nil when it has none yet.
    mutating func write(using rng: inout SplitMix64, requestID: UUID) -> (Method, any Encodable & Sendable)? {
        guard let id = self.customers.keys.sorted().randomElement(using: &rng), var customer = self.customers[id] else {
            return nil
        }
        defer { self.customers[id] = customer }
        switch Int.random(in: 0..<9, using: &rng) {
        case 0:
            let tier = CustomerTier.allCases.filter { $0 != customer.tier }.randomElement(using: &rng)!
            customer.tier = tier
            return (
                Method.changeTier,
                ChangeTierParams(customer: id, tier: tier, reason: "fuzz review", requestId: requestID)
            )
        case 1:
            let (stage, reason) =
                customer.stage.promoted.map { ($0, StageChangeReason.promoted) }
                ?? (.prospect, rng.chance(0.5) ? .paused : .demoted)
            customer.stage = stage
            return (
                Method.changeStage, ChangeStageParams(customer: id, stage: stage, reason: reason, requestId: requestID)
            )
        case 2 where !customer.ratingPending:
            customer.ratingPending = true
            return (
                Method.proposeRating,
                ProposeRatingParams(
                    customer: id, scale: "corporate",
                    grade: RatingScale.corporate.grades.randomElement(using: &rng)!.name,
                    reason: .annualReview, note: rng.chance(0.3) ? "fuzz" : nil, requestId: requestID)
            )
        case 2,
            3 where customer.ratingPending:
            customer.ratingPending = false
            return (
                Method.withdrawRating,
                WithdrawRatingParams(customer: id, scale: "corporate", reason: "fuzz", requestId: requestID)
            )
        case 4 where customer.group == nil:
            let group = "fzg-" + String(rng.next() & 0xFFFF_FFFF, radix: 16)
            if self.groups[group] != nil { return nil }
            self.groups[group] = Group()
            return (Method.createGroup, CreateGroupParams(id: group, name: "Group \(group)", requestId: requestID))
        case 5 where customer.group == nil:
            guard let group = self.groups.keys.sorted().randomElement(using: &rng) else { return nil }
            customer.group = group
            self.groups[group]?.members.append(id)
            return (
                Method.addGroupMember,
                AddGroupMemberParams(
                    group: group, customer: id, relation: GroupRelation.allCases.randomElement(using: &rng)!,
                    evidence: "fuzz shareholding", requestId: requestID)
            )
        case 6:
            guard let group = customer.group else { return nil }
            let lastQuarter = BusinessCalendar()!.localDate(of: Timestamp(Date())).quarter.previous
            if rng.chance(0.5) {
                return (
                    Method.recordGroupBalance,
                    GroupBalanceParams(
                        group: group, customer: id, branch: ["SH", "BJ", "GZ"].randomElement(using: &rng)!,
                        quarter: lastQuarter, amount: ExactDecimal(Int.random(in: 0...9_000_000, using: &rng)),
                        requestId: requestID)
                )
            }
            return (
                Method.recordGroupExposure,
                GroupExposureParams(
                    group: group, customer: id, kind: ExposureKind.allCases.randomElement(using: &rng)!,
                    amount: ExactDecimal(Int.random(in: 0...9_000_000, using: &rng)), requestId: requestID)
            )
        case 7 where !self.netCapitalSet:
            self.netCapitalSet = true
            return (
                Method.setNetCapital, NetCapitalParams(amount: Self.netCapital, reason: "fuzz", requestId: requestID)
            )
        case 7, 8:
            guard self.netCapitalSet, let group = self.groups.keys.sorted().randomElement(using: &rng),
                var state = self.groups[group]
            else { return nil }
            defer { self.groups[group] = state }
            if state.limitPending {
                state.limitPending = false
                return (Method.rejectLimit, LimitActionParams(group: group, reason: "fuzz", requestId: requestID))
            }
            state.limitPending = true
            let validTo = BusinessCalendar()!.localDate(of: Timestamp(Date())).adding(
                days: Int.random(in: 1...300, using: &rng))
            return (
                Method.proposeLimit,
                ProposeLimitParams(
                    group: group, amount: ExactDecimal(Int.random(in: 1...100_000_000, using: &rng)),
                    kind: .incremental, mode: CreditMode.allCases.randomElement(using: &rng)!, validTo: validTo,
                    basis: "fuzz plan", requestId: requestID)
            )
        default:
            return nil
        }
    }

    /// A valid read of the credit rooms.
    func read(customer: String, using rng: inout SplitMix64) -> (Method, any Encodable & Sendable) {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return (Method.showRatings, ShowRatingsParams(customer: customer))
        case 1: return (Method.ratingsDue, RatingsDueParams(withinDays: Int.random(in: 0...366, using: &rng), limit: 5))
        case 2: return (Method.showLimits, ShowLimitsParams(customer: customer))
        case 3:
            return (
                Method.expiringLimits, ExpiringLimitsParams(withinDays: Int.random(in: 0...366, using: &rng), limit: 5)
            )
        case 4: return (Method.listGroups, ListGroupsParams(limit: 5))
        case 5:
            return (
                Method.listFlaggedCustomers,
                ListFlaggedCustomersParams(kind: FlagKind.allCases.randomElement(using: &rng)!, limit: 5)
            )
        default:
            guard let group = self.groups.keys.sorted().randomElement(using: &rng) else {
                return (Method.showRatings, ShowRatingsParams(customer: customer))
            }
            return rng.chance(0.5)
                ? (Method.showGroup, ShowGroupParams(id: group))
                : (Method.groupExposure, GroupExposureQueryParams(id: group))
        }
    }
}
