import DossierCore
import DossierProtocol
import DossierStore
import Foundation

extension DossierMethods {
    static func registerGroups(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.createGroup) { (params: CreateGroupParams, context) in
            let command = CreateGroup(
                id: try GroupID.parse(params.id, field: "id"), name: params.name, note: params.note ?? "")
            return Self.queueGroup(command, store: store, context: context, params.requestId, nil)
        }
        router.command(Method.addGroupMember) { (params: AddGroupMemberParams, context) in
            let command = AddGroupMember(
                group: try GroupID.parse(params.group), customer: try CustomerID.parse(params.customer),
                relation: params.relation, evidence: params.evidence)
            return Self.queueGroup(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.removeGroupMember) { (params: RemoveGroupMemberParams, context) in
            let command = RemoveGroupMember(
                group: try GroupID.parse(params.group), customer: try CustomerID.parse(params.customer),
                reason: params.reason)
            return Self.queueGroup(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.excludeFromGroup) { (params: ExcludeFromGroupParams, context) in
            let command = RecordGroupExclusion(
                group: try GroupID.parse(params.group), entity: params.entity,
                customer: try params.customer.map { try CustomerID.parse($0) }, reason: params.reason,
                evidence: params.evidence)
            return Self.queueGroup(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.recordGroupBalance) { (params: GroupBalanceParams, context) in
            let command = RecordQuarterEndBalance(
                group: try GroupID.parse(params.group), customer: try CustomerID.parse(params.customer),
                branch: params.branch, quarter: params.quarter, amount: params.amount,
                currency: try params.currency.map { try Currency.parse($0) })
            return Self.queueGroup(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.recordGroupExposure) { (params: GroupExposureParams, context) in
            let command = RecordGroupExposure(
                group: try GroupID.parse(params.group), customer: try CustomerID.parse(params.customer),
                kind: params.kind,
                amount: params.amount, currency: try params.currency.map { try Currency.parse($0) }, asOf: params.asOf)
            return Self.queueGroup(command, store: store, context: context, params.requestId, params.expectedVersion)
        }
        router.command(Method.setNetCapital) { (params: NetCapitalParams, context) in
            let command = SetNetCapital(
                amount: params.amount, currency: try params.currency.map { try Currency.parse($0) },
                effectiveOn: params.effectiveOn, reason: params.reason)
            return Self.queue(command, on: store, for: context, requestID: params.requestId) { outcome in
                NetCapitalResult(netCapital: try Self.replyState(outcome), receipt: Self.receipt(outcome))
            }
        }
        router.query(Method.showGroup, cost: Self.costOfState) { (params: ShowGroupParams, _) -> GroupResult in
            let found: GroupState?
            switch (params.id, params.customer) {
            case (let id?, nil):
                let group = try GroupID.parse(id, field: "id")
                found =
                    try params.asOf.map { try store.state(GroupState.self, of: .group(group), asOf: $0) }
                    ?? store.group(group)
                guard found != nil else { throw DomainError.groupNotFound(group) }
            case (nil, let customer?):
                guard params.asOf == nil else { throw DomainError.invalidField(field: "asOf", reason: "needs id") }
                let member = try CustomerID.parse(customer, field: "customer")
                guard try store.customer(member) != nil else { throw DomainError.customerNotFound(member) }
                found = try store.group(of: member)
                guard found != nil else {
                    throw DomainError.notFound(
                        message: "customer \(member) is a member of no group", details: ["customer": member.rawValue])
                }
            default:
                throw DomainError.invalidField(field: "id", reason: "give either id or customer, not both nor neither")
            }
            return Self.groupResult(found!, today: store.today, receipt: nil)
        }
        router.query(Method.listGroups, .long) { (params: ListGroupsParams, _) in
            let limit = try Self.pageSize(params.limit)
            let after = try params.after.map { try GroupID.parse($0, field: "after") }
            let groups =
                try params.asOf.map { try store.groups(after: after, limit: limit + 1, asOf: $0) }
                ?? store.groups(after: after, limit: limit + 1)
            return GroupsResult(
                groups: Array(groups.prefix(limit)), next: groups.count > limit ? groups[limit - 1].id.rawValue : nil)
        }
        router.query(Method.groupExposure, .long) { (params: GroupExposureQueryParams, _) in
            let id = try GroupID.parse(params.id, field: "id")
            let currency = try params.currency.map { try Currency.parse($0) }
            let found =
                try params.asOf.map { try store.groupExposure(id, asOf: $0, currency: currency) }
                ?? store.groupExposure(id, on: store.today, currency: currency)
            guard let exposure = found else {
                throw DomainError.groupNotFound(id)
            }
            return GroupExposureResult(exposure: exposure)
        }
    }

    /// A group with its lead branch: the largest members' balance at the end of the quarter
    /// before `today`'s.
    static func groupResult(_ group: GroupState, today: LocalDate, receipt: AppendReceipt?) -> GroupResult {
        let quarter = today.quarter.previous
        let lead = group.leadBranch(for: quarter).map {
            LeadBranch(branch: $0.branch, quarter: quarter, balance: $0.balance)
        }
        return GroupResult(group: group, leadBranch: lead, receipt: receipt)
    }

    /// Queues a group command; its reply is the group right after it.
    private static func queueGroup<Command: StoreCommand>(
        _ command: Command, store: DossierStore, context: RequestContext, _ requestID: UUID?,
        _ expectedVersion: ExpectedVersion?
    ) -> QueuedCommand<GroupResult> where Command.ReplyState == GroupState {
        let today = store.today
        return Self.queue(command, on: store, for: context, requestID: requestID, expectedVersion: expectedVersion) {
            outcome in Self.groupResult(try Self.replyState(outcome), today: today, receipt: Self.receipt(outcome))
        }
    }
}
