import DossierCore
import DossierProtocol
import Foundation

extension MethodTests {
    /// The credit rooms' methods (customers over time, ratings, limits, groups).
    static let creditParameterTable: [(Method, Set<String>, Set<String>)] = [
        (
            .changeStage,
            keys(
                ChangeStageParams(
                    customer: "C", stage: .active, reason: .promoted, note: "n", expectedVersion: .any,
                    requestId: UUID())),
            keys(ChangeStageParams(customer: "C", stage: .active, reason: .promoted))
        ),
        (
            .changeTier,
            keys(ChangeTierParams(customer: "C", tier: .gold, reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(ChangeTierParams(customer: "C", tier: .gold, reason: "r"))
        ),
        (
            .listFlaggedCustomers, keys(ListFlaggedCustomersParams(kind: .default, after: "a", limit: 1, asOf: Timestamp(rawValue: 0))),
            keys(ListFlaggedCustomersParams(kind: .default))
        ),
        (
            .proposeRating,
            keys(
                ProposeRatingParams(
                    customer: "C", scale: "s", grade: "A", score: .zero, parts: [], reason: .import,
                    effectiveOn: LocalDate("2024-03-01"), nextReviewOn: LocalDate("2024-03-01"), note: "n",
                    requestId: UUID())),
            keys(ProposeRatingParams(customer: "C", scale: "s", reason: .import))
        ),
        (
            .approveRating,
            keys(ApproveRatingParams(customer: "C", scale: "s", note: "n", expectedVersion: .any, requestId: UUID())),
            keys(ApproveRatingParams(customer: "C", scale: "s"))
        ),
        (
            .withdrawRating,
            keys(
                WithdrawRatingParams(customer: "C", scale: "s", reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(WithdrawRatingParams(customer: "C", scale: "s", reason: "r"))
        ),
        (
            .showRatings, keys(ShowRatingsParams(customer: "C", scale: "s", asOf: Timestamp(rawValue: 0))),
            keys(ShowRatingsParams(customer: "C"))
        ),
        (
            .ratingHistory, keys(RatingHistoryParams(customer: "C", scale: "s")),
            keys(RatingHistoryParams(customer: "C", scale: "s"))
        ),
        (
            .ratingsDue, keys(RatingsDueParams(asOf: LocalDate("2024-03-01"), withinDays: 1, after: "a", limit: 1)),
            keys(RatingsDueParams())
        ),
        (
            .quarterlyDowngrade,
            keys(
                QuarterlyDowngradeParams(
                    scale: "s", quarter: CalendarQuarter("2024Q1")!, volumes: [], requestId: UUID())),
            keys(QuarterlyDowngradeParams(scale: "s", quarter: CalendarQuarter("2024Q1")!, volumes: []))
        ),
        (
            .proposeLimit,
            keys(
                ProposeLimitParams(
                    customer: "C", group: "G", amount: .zero, currency: "CNY", kind: .existing, mode: .public,
                    validFrom: LocalDate("2024-03-01"), validTo: LocalDate("2024-03-01")!, basis: "b", note: "n",
                    expectedVersion: .any, requestId: UUID())),
            keys(
                ProposeLimitParams(
                    amount: .zero, kind: .existing, mode: .public, validTo: LocalDate("2024-03-01")!, basis: "b"))
        ),
        (
            .changeLimit,
            keys(
                ChangeLimitParams(
                    customer: "C", group: "G", limit: 1, amount: .zero, validTo: LocalDate("2024-03-01"), basis: "b",
                    note: "n",
                    expectedVersion: .any, requestId: UUID())),
            keys(ChangeLimitParams(limit: 1, amount: .zero, basis: "b"))
        ),
        (
            .approveLimit,
            keys(ApproveLimitParams(customer: "C", group: "G", note: "n", expectedVersion: .any, requestId: UUID())),
            keys(ApproveLimitParams())
        ),
        (
            .rejectLimit,
            keys(LimitActionParams(customer: "C", group: "G", reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(LimitActionParams(reason: "r"))
        ),
        (
            .freezeLimit,
            keys(
                FreezeLimitParams(
                    customer: "C", group: "G", limit: 1, reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(FreezeLimitParams(reason: "r"))
        ),
        (
            .unfreezeLimit,
            keys(
                LimitNumberActionParams(
                    customer: "C", group: "G", limit: 1, reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(LimitNumberActionParams(limit: 1, reason: "r"))
        ),
        (
            .revokeLimit,
            keys(
                LimitNumberActionParams(
                    customer: "C", group: "G", limit: 1, reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(LimitNumberActionParams(limit: 1, reason: "r"))
        ),
        (
            .showLimits, keys(ShowLimitsParams(customer: "C", group: "G", asOf: Timestamp(rawValue: 0))),
            keys(ShowLimitsParams())
        ),
        (
            .expiringLimits, keys(ExpiringLimitsParams(withinDays: 1, after: "a", limit: 1, asOf: Timestamp(rawValue: 0))),
            keys(ExpiringLimitsParams())
        ),
        (
            .createGroup, keys(CreateGroupParams(id: "G", name: "n", note: "n", requestId: UUID())),
            keys(CreateGroupParams(id: "G", name: "n"))
        ),
        (
            .addGroupMember,
            keys(
                AddGroupMemberParams(
                    group: "G", customer: "C", relation: .control, evidence: "e", expectedVersion: .any,
                    requestId: UUID())),
            keys(AddGroupMemberParams(group: "G", customer: "C", relation: .control, evidence: "e"))
        ),
        (
            .removeGroupMember,
            keys(
                RemoveGroupMemberParams(
                    group: "G", customer: "C", reason: "r", expectedVersion: .any, requestId: UUID())),
            keys(RemoveGroupMemberParams(group: "G", customer: "C", reason: "r"))
        ),
        (
            .excludeFromGroup,
            keys(
                ExcludeFromGroupParams(
                    group: "G", entity: "e", customer: "C", reason: .other, evidence: "e", expectedVersion: .any,
                    requestId: UUID())),
            keys(ExcludeFromGroupParams(group: "G", entity: "e", reason: .other, evidence: "e"))
        ),
        (
            .recordGroupBalance,
            keys(
                GroupBalanceParams(
                    group: "G", customer: "C", branch: "b", quarter: CalendarQuarter("2024Q1")!, amount: .zero,
                    currency: "CNY",
                    expectedVersion: .any, requestId: UUID())),
            keys(
                GroupBalanceParams(
                    group: "G", customer: "C", branch: "b", quarter: CalendarQuarter("2024Q1")!, amount: .zero))
        ),
        (
            .recordGroupExposure,
            keys(
                GroupExposureParams(
                    group: "G", customer: "C", kind: .bond, amount: .zero, currency: "CNY",
                    asOf: LocalDate("2024-03-01"),
                    expectedVersion: .any, requestId: UUID())),
            keys(GroupExposureParams(group: "G", customer: "C", kind: .bond, amount: .zero))
        ),
        (
            .setNetCapital,
            keys(
                NetCapitalParams(
                    amount: .zero, currency: "CNY", effectiveOn: LocalDate("2024-03-01"), reason: "r", requestId: UUID()
                )),
            keys(NetCapitalParams(amount: .zero, reason: "r"))
        ),
        (
            .showGroup, keys(ShowGroupParams(id: "G", customer: "C", asOf: Timestamp(rawValue: 0))),
            keys(ShowGroupParams())
        ),
        (.listGroups, keys(ListGroupsParams(after: "a", limit: 1, asOf: Timestamp(rawValue: 0))), keys(ListGroupsParams())),
        (
            .groupExposure, keys(GroupExposureQueryParams(id: "G", currency: "CNY", asOf: Timestamp(rawValue: 0))),
            keys(GroupExposureQueryParams(id: "G"))
        ),
    ]
}
