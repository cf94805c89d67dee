import DossierCore
import LMDB

// How the writer runs the complaint commands.

extension FileComplaint: StoreCommand {
    public typealias ReplyState = ComplaintState

    /// Numbers the complaint on the writer: the last running number of its unit and day is
    /// read in the same transaction that appends, so concurrent filings never share one.
    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let series = ComplaintDecisions.numberingSeries(of: self, now: context.now, policy: context.policy)
        let filing = ComplaintDecisions.FilingContext(
            customer: try CustomerProjection.customer(self.customer, tables: context.tables, in: txn),
            lastRunningNumber: try ComplaintProjection.lastRunningNumber(
                unit: series.unit, day: series.day, tables: context.tables, in: txn),
            receiver: context.actor, now: context.now)
        let filed = try ComplaintDecisions.file(self, context: filing, policy: context.policy)
        return .append(.complaint(.filed(filed)), occurredAt: filed.receivedAt, to: .complaint(filed.number), expected: .noStream)
    }

    /// The complaint's own stream: its number was chosen by the decision, so it is read from
    /// the first event.
    public func replyStream(of events: [RecordedEvent]) -> StreamID {
        events.first?.stream ?? StreamID(rawValue: "complaint-")
    }
}
