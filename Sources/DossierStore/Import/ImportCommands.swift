import DossierCore
import LMDB

// How the writer runs an imported record: it reads every state the record's facts touch in
// the writer's transaction, so the records of one batch see one another (a customer the
// previous record registered, the complaint number it took).

extension ImportRecord: StoreCommand {
    public typealias ReplyState = CustomerState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let tables = context.tables
        let id = self.customer.id
        var facts = ImportDecisions.Context(
            customer: try CustomerProjection.customer(id, tables: tables, in: txn), actor: context.actor,
            now: context.now)
        if self.limit != nil || self.rating != nil {
            // A limit's grant rules read the customer's credit; a default rating freezes its limits.
            facts.limits = try CreditLimitProjection.limits(.customer(id), tables: tables, in: txn)
        }
        if self.limit != nil {
            facts.credit = try CreditContextReader.context(for: .customer(id), tables: tables, in: txn)
        }
        if let rating = self.rating {
            facts.rating = try RatingProjection.rating(id, scale: rating.scale, tables: tables, in: txn)
        }
        if let complaint = self.complaint {
            facts.filing = try ComplaintProjection.importFilingContext(for: complaint.filing, context, txn: txn)
        }
        return try ImportDecisions.decide(self, context: facts, policy: context.policy)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .customer(self.customer.id) }
}

extension ComplaintProjection {
    /// What filing an imported complaint reads: its numbering only. The complaints around it
    /// are left out on purpose: history raises no group incident and duplicates nothing open.
    static func importFilingContext(
        for command: FileComplaint, _ context: DecisionContext, txn: borrowing WriteTransaction
    ) throws -> ComplaintDecisions.FilingContext {
        let policy = context.policy
        let last = try Self.lastRunningNumber(
            series: ComplaintDecisions.runningCount(of: command, now: context.now, policy: policy),
            tables: context.tables, in: txn)
        let next = ComplaintDecisions.nextNumber(of: command, lastRunningNumber: last, now: context.now, policy: policy)
        return ComplaintDecisions.FilingContext(
            customer: nil, lastRunningNumber: last, receiver: context.actor, now: context.now,
            nextNumberTaken: try Self.complaint(next, tables: context.tables, in: txn) != nil)
    }
}
