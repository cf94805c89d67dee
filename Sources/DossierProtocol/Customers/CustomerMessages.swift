import DossierCore
import Foundation

// Parameters and results of the customer methods. Field names are the wire names (camelCase).

public struct RegisterCustomerParams: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: CustomerKind
    public var stage: PoolStage?
    public var tier: CustomerTier?
    public var requestId: UUID?

    public init(id: String, name: String, kind: CustomerKind, stage: PoolStage? = nil, tier: CustomerTier? = nil, requestId: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stage = stage
        self.tier = tier
        self.requestId = requestId
    }
}

public struct FlagCustomerParams: Codable, Hashable, Sendable {
    public var customer: String
    public var kind: FlagKind
    public var source: String
    public var detail: String?
    public var observedOn: LocalDate?
    public var response: FlagResponse?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, kind: FlagKind, source: String, detail: String? = nil, observedOn: LocalDate? = nil,
        response: FlagResponse? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.kind = kind
        self.source = source
        self.detail = detail
        self.observedOn = observedOn
        self.response = response
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ResolveFlagParams: Codable, Hashable, Sendable {
    public var customer: String
    public var flag: Int
    public var outcome: FlagOutcome
    public var resolvedOn: LocalDate?
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, flag: Int, outcome: FlagOutcome, resolvedOn: LocalDate? = nil, note: String? = nil,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.flag = flag
        self.outcome = outcome
        self.resolvedOn = resolvedOn
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct CustomerIDParams: Codable, Hashable, Sendable, AsOfParams {
    public var id: String
    /// Show the customer as the log showed them at this time (log time), not now.
    public var asOf: Timestamp?
    public init(id: String, asOf: Timestamp? = nil) {
        self.id = id
        self.asOf = asOf
    }
}

public struct ListCustomersParams: Codable, Hashable, Sendable, AsOfParams {
    public var after: String?
    public var limit: Int?
    public var asOf: Timestamp?
    public init(after: String? = nil, limit: Int? = nil, asOf: Timestamp? = nil) {
        self.after = after
        self.limit = limit
        self.asOf = asOf
    }
}

public struct CustomerResult: Codable, Hashable, Sendable {
    public var customer: CustomerState
    public var receipt: AppendReceipt?
    /// Kinds of confidential fields left out for the caller's role (e.g. `["badRecords"]`);
    /// absent when nothing was.
    public var withheld: [String]? = nil
    public init(customer: CustomerState, receipt: AppendReceipt? = nil) {
        self.customer = customer
        self.receipt = receipt
    }
}

public struct CustomersResult: Codable, Hashable, Sendable {
    public var customers: [CustomerState]
    /// Pass as `after` for the next page; absent on the last page.
    public var next: String?
    /// Kinds of confidential fields left out for the caller's role (e.g. `["badRecords"]`);
    /// absent when nothing was.
    public var withheld: [String]? = nil
    public init(customers: [CustomerState], next: String?) {
        self.customers = customers
        self.next = next
    }
}

public struct ChangeStageParams: Codable, Hashable, Sendable {
    public var customer: String
    public var stage: PoolStage
    public var reason: StageChangeReason
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, stage: PoolStage, reason: StageChangeReason, note: String? = nil,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.stage = stage
        self.reason = reason
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ChangeTierParams: Codable, Hashable, Sendable {
    public var customer: String
    public var tier: CustomerTier
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, tier: CustomerTier, reason: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.customer = customer
        self.tier = tier
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ListFlaggedCustomersParams: Codable, Hashable, Sendable, AsOfParams {
    public var kind: FlagKind
    public var after: String?
    public var limit: Int?
    public var asOf: Timestamp?

    public init(kind: FlagKind, after: String? = nil, limit: Int? = nil, asOf: Timestamp? = nil) {
        self.kind = kind
        self.after = after
        self.limit = limit
        self.asOf = asOf
    }
}

/// Customers with an open flag of one kind: the list itself is a bad record, so all of it is
/// confidential.
public struct FlaggedCustomersResult: Codable, Hashable, Sendable {
    public var kind: FlagKind
    public var customers: [CustomerState]?
    /// Pass as `after` for the next page; absent on the last page.
    public var next: String?
    /// Kinds of confidential fields left out for the caller's role; absent when nothing was.
    public var withheld: [String]? = nil

    public init(kind: FlagKind, customers: [CustomerState], next: String?) {
        self.kind = kind
        self.customers = customers
        self.next = next
    }
}
