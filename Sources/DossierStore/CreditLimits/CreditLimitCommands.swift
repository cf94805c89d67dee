import DossierCore
import LMDB

// How the writer runs the limit commands: each reads the subject's limits and its credit
// context (ratings, group, other members, net capital) in the writer's transaction, so that
// two approvals that each fit a group's ceiling alone cannot both pass together.

extension ProposeCreditLimit: StoreCommand {
    public typealias ReplyState = CreditLimitsState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let limits = try CreditLimitProjection.limits(self.subject, tables: context.tables, in: txn)
        let proposed = try CreditLimitDecisions.propose(
            self, limits: limits,
            context: try CreditContextReader.context(for: self.subject, tables: context.tables, in: txn),
            policy: context.policy, caller: context.caller(role: nil), now: context.now, today: context.today)
        return .append(
            .creditLimit(.proposed(proposed)), occurredAt: context.now, to: self.subject.stream,
            expected: limits.map { .exact($0.version) } ?? .noStream)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { self.subject.stream }
}

extension ChangeCreditLimit: StoreCommand {
    public typealias ReplyState = CreditLimitsState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let limits = try CreditLimitProjection.limits(self.subject, tables: context.tables, in: txn)
        let proposed = try CreditLimitDecisions.change(
            self, limits: limits,
            context: try CreditContextReader.context(for: self.subject, tables: context.tables, in: txn),
            policy: context.policy, caller: context.caller(role: nil), now: context.now, today: context.today)
        return .append(
            .creditLimit(.proposed(proposed)), occurredAt: context.now, to: self.subject.stream,
            expected: limits.map { .exact($0.version) } ?? .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { self.subject.stream }
}

extension ApproveCreditLimit: StoreCommand {
    public typealias ReplyState = CreditLimitsState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let limits = try CreditLimitProjection.limits(self.subject, tables: context.tables, in: txn)
        let approved = try CreditLimitDecisions.approve(
            self, limits: limits,
            context: try CreditContextReader.context(for: self.subject, tables: context.tables, in: txn),
            policy: context.policy, caller: context.caller(role: self.role), today: context.today)
        return .append(
            .creditLimit(.approved(approved)), occurredAt: context.now, to: self.subject.stream,
            expected: limits.map { .exact($0.version) } ?? .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { self.subject.stream }
}

extension LimitAction: StoreCommand {
    public typealias ReplyState = CreditLimitsState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let limits = try CreditLimitProjection.limits(self.subject, tables: context.tables, in: txn)
        let events = try CreditLimitDecisions.act(
            self, limits: limits,
            context: try CreditContextReader.context(for: self.subject, tables: context.tables, in: txn),
            policy: context.policy, caller: context.caller(role: self.role), today: context.today)
        return Decision([
            Decision.Append(
                to: self.subject.stream, expected: limits.map { .exact($0.version) } ?? .streamExists,
                events.map { Decision.Event(.creditLimit($0), occurredAt: context.now) })
        ])
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { self.subject.stream }
}
