import DossierCore
import Foundation

// Parameters and results of the group methods. Field names are the wire names (camelCase).

public struct CreateGroupParams: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var note: String?
    public var requestId: UUID?

    public init(id: String, name: String, note: String? = nil, requestId: UUID? = nil) {
        self.id = id
        self.name = name
        self.note = note
        self.requestId = requestId
    }
}

public struct AddGroupMemberParams: Codable, Hashable, Sendable {
    public var group: String
    public var customer: String
    public var relation: GroupRelation
    public var evidence: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        group: String, customer: String, relation: GroupRelation, evidence: String,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.group = group
        self.customer = customer
        self.relation = relation
        self.evidence = evidence
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct RemoveGroupMemberParams: Codable, Hashable, Sendable {
    public var group: String
    public var customer: String
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        group: String, customer: String, reason: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.group = group
        self.customer = customer
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ExcludeFromGroupParams: Codable, Hashable, Sendable {
    public var group: String
    public var entity: String
    public var customer: String?
    public var reason: ExclusionReason
    public var evidence: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        group: String, entity: String, customer: String? = nil, reason: ExclusionReason, evidence: String,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.group = group
        self.entity = entity
        self.customer = customer
        self.reason = reason
        self.evidence = evidence
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct GroupBalanceParams: Codable, Hashable, Sendable {
    public var group: String
    public var customer: String
    public var branch: String
    public var quarter: CalendarQuarter
    public var amount: ExactDecimal
    public var currency: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        group: String, customer: String, branch: String, quarter: CalendarQuarter, amount: ExactDecimal,
        currency: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.group = group
        self.customer = customer
        self.branch = branch
        self.quarter = quarter
        self.amount = amount
        self.currency = currency
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct GroupExposureParams: Codable, Hashable, Sendable {
    public var group: String
    public var customer: String
    public var kind: ExposureKind
    public var amount: ExactDecimal
    public var currency: String?
    public var asOf: LocalDate?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        group: String, customer: String, kind: ExposureKind, amount: ExactDecimal, currency: String? = nil,
        asOf: LocalDate? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.group = group
        self.customer = customer
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.asOf = asOf
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct NetCapitalParams: Codable, Hashable, Sendable {
    public var amount: ExactDecimal
    public var currency: String?
    public var effectiveOn: LocalDate?
    public var reason: String
    public var requestId: UUID?

    public init(
        amount: ExactDecimal, currency: String? = nil, effectiveOn: LocalDate? = nil, reason: String,
        requestId: UUID? = nil
    ) {
        self.amount = amount
        self.currency = currency
        self.effectiveOn = effectiveOn
        self.reason = reason
        self.requestId = requestId
    }
}

public struct ShowGroupParams: Codable, Hashable, Sendable, AsOfParams {
    public var id: String?
    public var customer: String?
    public var asOf: Timestamp?

    public init(id: String? = nil, customer: String? = nil, asOf: Timestamp? = nil) {
        self.id = id
        self.customer = customer
        self.asOf = asOf
    }
}

public struct ListGroupsParams: Codable, Hashable, Sendable, AsOfParams {
    public var after: String?
    public var limit: Int?
    public var asOf: Timestamp?

    public init(after: String? = nil, limit: Int? = nil, asOf: Timestamp? = nil) {
        self.after = after
        self.limit = limit
        self.asOf = asOf
    }
}

public struct GroupExposureQueryParams: Codable, Hashable, Sendable, AsOfParams {
    public var id: String
    public var currency: String?
    public var asOf: Timestamp?

    public init(id: String, currency: String? = nil, asOf: Timestamp? = nil) {
        self.id = id
        self.currency = currency
        self.asOf = asOf
    }
}

/// The branch that leads a group: the largest balance of its members at the end of the
/// previous quarter.
public struct LeadBranch: Codable, Hashable, Sendable {
    public var branch: String
    public var quarter: CalendarQuarter
    /// Absent when withheld.
    public var balance: Money?

    public init(branch: String, quarter: CalendarQuarter, balance: Money) {
        self.branch = branch
        self.quarter = quarter
        self.balance = balance
    }
}

public struct GroupResult: Codable, Hashable, Sendable {
    public var group: GroupState
    /// From the balances at the end of the quarter before today's; absent when none recorded.
    public var leadBranch: LeadBranch?
    public var receipt: AppendReceipt?
    public var withheld: [String]? = nil

    public init(group: GroupState, leadBranch: LeadBranch?, receipt: AppendReceipt? = nil) {
        self.group = group
        self.leadBranch = leadBranch
        self.receipt = receipt
    }
}

public struct GroupsResult: Codable, Hashable, Sendable {
    public var groups: [GroupState]
    public var next: String?
    public var withheld: [String]? = nil

    public init(groups: [GroupState], next: String?) {
        self.groups = groups
        self.next = next
    }
}

public struct GroupExposureResult: Codable, Hashable, Sendable {
    public var exposure: GroupExposure
    public var withheld: [String]? = nil

    public init(exposure: GroupExposure) {
        self.exposure = exposure
    }
}

public struct NetCapitalResult: Codable, Hashable, Sendable {
    public var netCapital: NetCapitalState
    public var receipt: AppendReceipt?

    public init(netCapital: NetCapitalState, receipt: AppendReceipt?) {
        self.netCapital = netCapital
        self.receipt = receipt
    }
}
