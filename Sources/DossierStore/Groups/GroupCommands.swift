import DossierCore
import LMDB

// How the writer runs the group commands: each reads the group's row (and, to add a member,
// the customer, its group and the limits the group's ceiling sums) and lets `GroupDecisions`
// decide.

extension CreateGroup: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let created = try GroupDecisions.create(
            self, existing: try GroupProjection.group(self.id, tables: context.tables, in: txn))
        return .append(.group(.created(created)), occurredAt: context.now, to: .group(self.id), expected: .noStream)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.id) }
}

extension AddGroupMember: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let tables = context.tables
        let group = try GroupProjection.group(self.group, tables: tables, in: txn)
        let membership = GroupDecisions.Membership(
            group: group, customer: try CustomerProjection.customer(self.customer, tables: tables, in: txn),
            currentGroup: try GroupProjection.group(of: self.customer, tables: tables, in: txn),
            customerLimits: try CreditLimitProjection.limits(.customer(self.customer), tables: tables, in: txn),
            groupLimits: try CreditLimitProjection.limits(.group(self.group), tables: tables, in: txn),
            memberLimits: try group.map {
                try CreditContextReader.memberLimits(of: $0, except: nil, tables: tables, in: txn)
            }
                ?? [])
        let added = try GroupDecisions.addMember(self, membership: membership, today: context.today)
        return Self.append(.memberAdded(added), to: self.group, at: group, context)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.group) }
}

extension RemoveGroupMember: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let group = try GroupProjection.group(self.group, tables: context.tables, in: txn)
        return Self.append(
            .memberRemoved(try GroupDecisions.removeMember(self, group: group)), to: self.group, at: group, context)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.group) }
}

extension RecordGroupExclusion: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let group = try GroupProjection.group(self.group, tables: context.tables, in: txn)
        return Self.append(
            .exclusionRecorded(try GroupDecisions.recordExclusion(self, group: group)), to: self.group, at: group,
            context)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.group) }
}

extension RecordQuarterEndBalance: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let group = try GroupProjection.group(self.group, tables: context.tables, in: txn)
        let recorded = try GroupDecisions.recordBalance(
            self, group: group, policy: context.policy.limits, today: context.today)
        return Self.append(.balanceRecorded(recorded), to: self.group, at: group, context)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.group) }
}

extension RecordGroupExposure: StoreCommand {
    public typealias ReplyState = GroupState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let group = try GroupProjection.group(self.group, tables: context.tables, in: txn)
        let recorded = try GroupDecisions.recordExposure(
            self, group: group, policy: context.policy.limits, today: context.today)
        return Self.append(.exposureRecorded(recorded), to: self.group, at: group, context)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .group(self.group) }
}

extension SetNetCapital: StoreCommand {
    public typealias ReplyState = NetCapitalState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let current = try GroupProjection.netCapital(tables: context.tables, in: txn)
        let set = try GroupDecisions.setNetCapital(self, policy: context.policy.limits, today: context.today)
        return .append(
            .group(.netCapitalSet(set)), occurredAt: context.now, to: .netCapital,
            expected: current.map { .exact($0.version) } ?? .noStream)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .netCapital }
}

extension StoreCommand {
    /// One event appended to a group's stream, expecting the version the decision read.
    fileprivate static func append(
        _ event: GroupEvent, to id: GroupID, at group: GroupState?, _ context: DecisionContext
    )
        -> Decision
    {
        .append(
            .group(event), occurredAt: context.now, to: .group(id),
            expected: group.map { .exact($0.version) } ?? .streamExists)
    }
}
