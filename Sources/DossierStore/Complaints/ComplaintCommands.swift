import DossierCore
import LMDB

// How the writer runs the complaint commands: each reads what its rules need in the writer's
// transaction (so a decision sees every earlier one of the batch) and lets the complaint
// rules decide.

extension FileComplaint: StoreCommand {
    public typealias ReplyState = ComplaintState

    /// Numbers the complaint on the writer from its running count, read in the same
    /// transaction that appends, so concurrent filings never share or skip a number; checks
    /// duplicates and group incidents against the complaints projected so far.
    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        try ComplaintDecisions.filing(
            self, context: try ComplaintProjection.filingContext(for: self, context, txn: txn), policy: context.policy)
    }

    /// The new complaint's own stream: its number was chosen by the decision, so it is read
    /// from the first event.
    public func replyStream(of events: [RecordedEvent]) -> StreamID {
        events.first?.stream ?? StreamID(rawValue: "complaint-")
    }
}

extension HandleComplaint: StoreCommand {
    public typealias ReplyState = ComplaintState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let state = try ComplaintProjection.complaint(self.number, tables: context.tables, in: txn)
        return try ComplaintHandling.decide(
            self, state: state, actor: context.actor, now: context.now, policy: context.policy)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .complaint(self.number) }
}

extension ReopenComplaint: StoreCommand {
    public typealias ReplyState = ComplaintState

    /// Files the new complaint like `complaint.file` and links the closed one to it, in one decision.
    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let original = try ComplaintProjection.complaint(self.number, tables: context.tables, in: txn)
        guard let original else { throw DomainError.complaintNotFound(self.number) }
        let filing = ComplaintDecisions.reopening(self, original: original)
        return try ComplaintDecisions.reopen(
            self, original: original, context: try ComplaintProjection.filingContext(for: filing, context, txn: txn),
            policy: context.policy)
    }

    /// The new complaint's stream, the decision's first.
    public func replyStream(of events: [RecordedEvent]) -> StreamID {
        events.first?.stream ?? StreamID(rawValue: "complaint-")
    }
}

extension ComplaintProjection {
    /// Everything filing `command` decides on, as the writer's transaction sees it.
    static func filingContext(
        for command: FileComplaint, _ context: DecisionContext, txn: borrowing WriteTransaction
    )
        throws -> ComplaintDecisions.FilingContext
    {
        let tables = context.tables
        let policy = context.policy
        let last = try Self.lastRunningNumber(
            series: ComplaintDecisions.runningCount(of: command, now: context.now, policy: policy), tables: tables,
            in: txn)
        let next = ComplaintDecisions.nextNumber(of: command, lastRunningNumber: last, now: context.now, policy: policy)
        let receivedAt = command.receivedAt ?? context.now
        let subject = ComplaintSubject.key(command.subject.trimmingWhitespace())
        // The group window is at most a year (config); a day more covers any calendar.
        let reach: Int64 = 367 * 86_400_000
        return ComplaintDecisions.FilingContext(
            customer: try command.customer.flatMap { try CustomerProjection.customer($0, tables: tables, in: txn) },
            lastRunningNumber: last, receiver: context.actor, now: context.now,
            complaintsOfCustomer: subject.isEmpty
                ? []
                : try command.customer.map {
                    try Self.complaints(of: $0, aboutSubject: subject, tables: tables, in: txn)
                } ?? [],
            // A blank subject is refused by the decision; LMDB refuses its empty key before that.
            sameSubject: subject.isEmpty
                ? []
                : try Self.complaints(
                    aboutSubject: subject, from: receivedAt.adding(milliseconds: -reach),
                    to: receivedAt.adding(milliseconds: reach), tables: tables, in: txn),
            incident: subject.isEmpty ? nil : try Self.incident(aboutSubject: subject, tables: tables, in: txn),
            nextNumberTaken: try Self.complaint(next, tables: tables, in: txn) != nil)
    }
}
