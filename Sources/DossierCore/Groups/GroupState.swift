/// A member of a group and how it belongs to it.
public struct GroupMember: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var relation: GroupRelation
    /// What shows the relation: the shareholding record, the agreement, the articles.
    public var evidence: String
    public var addedAt: Timestamp
    public var addedBy: String
}

/// An entity recorded as not a member of the group, with why.
public struct GroupExclusion: Hashable, Sendable, Codable {
    /// Its name as the seeds give it.
    public var entity: String
    /// Its customer id, when it is the bank's customer.
    public var customer: CustomerID?
    public var reason: ExclusionReason
    public var evidence: String
}

/// A member's balance at one branch at the end of a quarter.
public struct QuarterEndBalance: Hashable, Sendable, Codable {
    public var quarter: CalendarQuarter
    public var branch: String
    public var customer: CustomerID
    public var balance: Money
}

/// A credit exposure to a member besides its limits (a bond the bank holds, a derivative's
/// exposure), as last recorded.
public struct RecordedExposure: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var kind: ExposureKind
    public var amount: Money
    public var asOf: LocalDate
}

/// A group customer (集团客户) as the log says it is now. Lists are kept in a fixed order
/// (members as added, balances and exposures sorted) so that a rebuilt row has the same bytes.
public struct GroupState: Hashable, Sendable, Codable {
    public var id: GroupID
    public var name: String
    public var note: String
    public var members: [GroupMember]
    public var exclusions: [GroupExclusion]
    public var balances: [QuarterEndBalance]
    public var exposures: [RecordedExposure]
    public var createdAt: Timestamp
    public var version: UInt64

    public func member(_ customer: CustomerID) -> GroupMember? { self.members.first { $0.customer == customer } }

    public func isExcluded(_ customer: CustomerID) -> Bool { self.exclusions.contains { $0.customer == customer } }

    /// The branch with the largest balance of the current members at the end of `quarter`,
    /// with that balance, per currency summed as recorded; ties go to the branch first in
    /// name order. Nil when no balance of a member was recorded for the quarter.
    public func leadBranch(for quarter: CalendarQuarter) -> (branch: String, balance: Money)? {
        var totals: [String: ExactDecimal] = [:]
        var currency: Currency?
        for balance in self.balances where balance.quarter == quarter && self.member(balance.customer) != nil {
            guard currency == nil || currency == balance.balance.currency else { continue }
            currency = balance.balance.currency
            totals[balance.branch, default: .zero] += balance.balance.amount
        }
        guard let currency,
            let lead = totals.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first
        else { return nil }
        return (lead.key, Money(lead.value, currency))
    }
}

extension GroupState: StreamState {
    public static func apply(_ state: GroupState?, _ event: DomainEvent, at metadata: EventMetadata) -> GroupState? {
        guard case .group(let event) = event else { return state }
        if case .created(let created) = event {
            return GroupState(
                id: created.group, name: created.name, note: created.note, members: [], exclusions: [], balances: [],
                exposures: [], createdAt: metadata.occurredAt, version: metadata.version)
        }
        guard var next = state else { return nil }
        switch event {
        case .created, .netCapitalSet:
            return state
        case .memberAdded(let added):
            next.members.append(
                GroupMember(
                    customer: added.customer, relation: added.relation, evidence: added.evidence,
                    addedAt: metadata.occurredAt, addedBy: metadata.actor.user))
        case .memberRemoved(let removed):
            next.members.removeAll { $0.customer == removed.customer }
        case .exclusionRecorded(let recorded):
            next.exclusions.append(
                GroupExclusion(
                    entity: recorded.entity, customer: recorded.customer, reason: recorded.reason,
                    evidence: recorded.evidence))
        case .balanceRecorded(let recorded):
            // A second figure for the same member, branch and quarter corrects the first.
            next.balances.removeAll {
                $0.quarter == recorded.quarter && $0.branch == recorded.branch && $0.customer == recorded.customer
            }
            next.balances.append(
                QuarterEndBalance(
                    quarter: recorded.quarter, branch: recorded.branch, customer: recorded.customer,
                    balance: recorded.balance))
            next.balances.sort { ($0.quarter, $0.branch, $0.customer) < ($1.quarter, $1.branch, $1.customer) }
        case .exposureRecorded(let recorded):
            next.exposures.removeAll { $0.customer == recorded.customer && $0.kind == recorded.kind }
            next.exposures.append(
                RecordedExposure(
                    customer: recorded.customer, kind: recorded.kind, amount: recorded.amount, asOf: recorded.asOf))
            next.exposures.sort { ($0.customer, $0.kind.rawValue) < ($1.customer, $1.kind.rawValue) }
        }
        next.version = metadata.version
        return next
    }
}

/// The bank's net capital as last set (stream `netcapital`).
public struct NetCapitalState: Hashable, Sendable, Codable {
    public var amount: Money
    public var effectiveOn: LocalDate
    public var reason: String
    public var setBy: String
    public var version: UInt64

    public init(amount: Money, effectiveOn: LocalDate, reason: String, setBy: String, version: UInt64) {
        self.amount = amount
        self.effectiveOn = effectiveOn
        self.reason = reason
        self.setBy = setBy
        self.version = version
    }
}

extension NetCapitalState: StreamState {
    public static func apply(_ state: NetCapitalState?, _ event: DomainEvent, at metadata: EventMetadata)
        -> NetCapitalState?
    {
        guard case .group(.netCapitalSet(let set)) = event else { return state }
        return NetCapitalState(
            amount: set.amount, effectiveOn: set.effectiveOn, reason: set.reason, setBy: metadata.actor.user,
            version: metadata.version)
    }
}
