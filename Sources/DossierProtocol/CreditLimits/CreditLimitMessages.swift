import DossierCore
import Foundation

// Parameters and results of the limit methods. Field names are the wire names (camelCase).

public struct ProposeLimitParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var amount: ExactDecimal
    public var currency: String?
    public var kind: CreditKind
    public var mode: CreditMode
    public var validFrom: LocalDate?
    public var validTo: LocalDate
    public var basis: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, amount: ExactDecimal, currency: String? = nil, kind: CreditKind,
        mode: CreditMode, validFrom: LocalDate? = nil, validTo: LocalDate, basis: String, note: String? = nil,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.amount = amount
        self.currency = currency
        self.kind = kind
        self.mode = mode
        self.validFrom = validFrom
        self.validTo = validTo
        self.basis = basis
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ChangeLimitParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var limit: Int
    public var amount: ExactDecimal
    public var validTo: LocalDate?
    public var basis: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, limit: Int, amount: ExactDecimal, validTo: LocalDate? = nil,
        basis: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.limit = limit
        self.amount = amount
        self.validTo = validTo
        self.basis = basis
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ApproveLimitParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

/// `limit.reject` (no `limit`), `limit.freeze` (`limit` optional: all in force),
/// `limit.unfreeze` and `limit.revoke` (`limit` required): a decision with a reason.
public struct LimitActionParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, reason: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct FreezeLimitParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var limit: Int?
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, limit: Int? = nil, reason: String,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.limit = limit
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct LimitNumberActionParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var group: String?
    public var limit: Int
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String? = nil, group: String? = nil, limit: Int, reason: String,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.group = group
        self.limit = limit
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ShowLimitsParams: Codable, Hashable, Sendable, AsOfParams {
    public var customer: String?
    public var group: String?
    public var asOf: Timestamp?

    public init(customer: String? = nil, group: String? = nil, asOf: Timestamp? = nil) {
        self.customer = customer
        self.group = group
        self.asOf = asOf
    }
}

public struct ExpiringLimitsParams: Codable, Hashable, Sendable, AsOfParams {
    public var withinDays: Int?
    public var after: String?
    public var limit: Int?
    public var asOf: Timestamp?

    public init(withinDays: Int? = nil, after: String? = nil, limit: Int? = nil, asOf: Timestamp? = nil) {
        self.withinDays = withinDays
        self.after = after
        self.limit = limit
        self.asOf = asOf
    }
}

/// A subject's limits, judged on `asOf`: the reply of every limit command and of `limit.show`.
public struct CreditLimitsResult: Codable, Hashable, Sendable {
    public var subject: CreditSubject
    /// The day the statuses and totals are of.
    public var asOf: LocalDate
    /// Absent when withheld.
    public var limits: CreditLimitsState?
    /// The total that counts on `asOf`, per currency; absent when withheld.
    public var totals: [Money]?
    public var receipt: AppendReceipt?
    public var withheld: [String]? = nil

    public init(subject: CreditSubject, asOf: LocalDate, limits: CreditLimitsState, receipt: AppendReceipt? = nil) {
        self.subject = subject
        self.asOf = asOf
        self.limits = limits
        self.totals = limits.currencies.map { Money(limits.total(in: $0, on: asOf), $0) }
        self.receipt = receipt
    }
}

/// A limit whose last valid day is near.
public struct ExpiringLimit: Codable, Hashable, Sendable {
    public var subject: CreditSubject
    public var number: Int
    /// Absent when withheld.
    public var amount: Money?
    public var validTo: LocalDate
    public var status: CreditLimitStatus

    public init(subject: CreditSubject, number: Int, amount: Money, validTo: LocalDate, status: CreditLimitStatus) {
        self.subject = subject
        self.number = number
        self.amount = amount
        self.validTo = validTo
        self.status = status
    }
}

public struct ExpiringLimitsResult: Codable, Hashable, Sendable {
    public var from: LocalDate
    public var through: LocalDate
    public var limits: [ExpiringLimit]
    public var next: String?
    public var withheld: [String]? = nil

    public init(from: LocalDate, through: LocalDate, limits: [ExpiringLimit], next: String?) {
        self.from = from
        self.through = through
        self.limits = limits
        self.next = next
    }
}
