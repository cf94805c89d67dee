import DossierCore
import LMDB

/// A domain command as the store runs it on the writer: it reads what its rules need inside
/// the writer's transaction, decides, and names the stream whose state is its reply.
///
/// Each domain conforms its commands in its own room (`Customers/CustomerCommands.swift`, ...);
/// the executor runs every one the same way, so there is no list of commands to extend.
public protocol StoreCommand: DomainCommand {
    /// The state the command's reply shows, e.g. the customer after `RegisterCustomer`.
    associatedtype ReplyState: ProjectedState

    /// Reads the states the rules need (any streams, any projection) and decides.
    /// - Throws: `DomainError` when a rule refuses; nothing has been written then.
    func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision

    /// The stream whose state, right after `events` (this command's), is the reply.
    func replyStream(of events: [RecordedEvent]) -> StreamID
}

/// What a decision may use besides the transaction: the policy, the log's time, the caller,
/// and the tables to read states from.
public struct DecisionContext: Sendable {
    /// The rules' numbers, as configured when the batch began.
    public let policy: Policy
    /// The log time the command's events will be recorded at.
    public let now: Timestamp
    /// Who sends the command.
    public let actor: Actor
    /// The projection tables, to read current states from.
    public let tables: ProjectionTables
    let reader: LogReader

    /// The version of `stream`'s last event as the transaction sees it (0: no stream).
    public func version(of stream: StreamID, txn: borrowing WriteTransaction) throws -> UInt64 {
        try self.reader.currentVersion(of: stream, in: txn)
    }
}
