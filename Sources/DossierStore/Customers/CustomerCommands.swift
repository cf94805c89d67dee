import DossierCore
import LMDB

// How the writer runs the customer commands: each reads the customer's row and lets
// `CustomerDecisions` decide.

extension RegisterCustomer: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let existing = try CustomerProjection.customer(self.id, tables: context.tables, in: txn)
        let registered = try CustomerDecisions.register(self, existing: existing)
        return .append(.customer(.registered(registered)), occurredAt: context.now, to: .customer(self.id), expected: .noStream)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.id) }
}

extension FlagCustomer: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let customer = try CustomerProjection.customer(self.customer, tables: context.tables, in: txn)
        let flagged = try CustomerDecisions.flag(self, customer: customer, today: context.policy.calendar.localDate(of: context.now))
        return .append(
            .customer(.flagged(flagged)), occurredAt: context.now, to: .customer(self.customer), expected: .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.customer) }
}

extension ResolveFlag: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let customer = try CustomerProjection.customer(self.customer, tables: context.tables, in: txn)
        let resolved = try CustomerDecisions.resolveFlag(
            self, customer: customer, today: context.policy.calendar.localDate(of: context.now))
        return .append(
            .customer(.flagResolved(resolved)), occurredAt: context.now, to: .customer(self.customer),
            expected: .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.customer) }
}

extension ChangeStage: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let customer = try CustomerProjection.customer(self.customer, tables: context.tables, in: txn)
        let changed = try CustomerDecisions.changeStage(self, customer: customer)
        return .append(
            .customer(.stageChanged(changed)), occurredAt: context.now, to: .customer(self.customer),
            expected: .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.customer) }
}

extension ChangeTier: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let customer = try CustomerProjection.customer(self.customer, tables: context.tables, in: txn)
        let changed = try CustomerDecisions.changeTier(self, customer: customer)
        return .append(
            .customer(.tierChanged(changed)), occurredAt: context.now, to: .customer(self.customer),
            expected: .streamExists)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.customer) }
}
