import DossierCore
import Foundation
import LMDB

/// Runs one command on the writer, in the writer's transaction: finds a retried request's
/// original events, or lets the command read and decide, checks every stream it appends to,
/// appends to all of them, projects the events and reads back the reply's state.
///
/// Every check happens before the first write, so a refused command writes nothing and can
/// fail alone inside a shared batch. Anything that fails after the first write is wrapped in
/// `FailureAfterWriting`: the batch's transaction is then aborted and its jobs run again one
/// by one, so a decision's appends commit all together or not at all.
struct CommandExecutor: Sendable {
    let databases: StoreDatabases
    let reader: LogReader
    let ids: TimeOrderedUUID

    init(databases: StoreDatabases, ids: TimeOrderedUUID) {
        self.databases = databases
        self.reader = LogReader(databases: databases)
        self.ids = ids
    }

    func execute<Command: StoreCommand>(
        _ command: Command, metadata: CommandMetadata, policy: Policy, appender: inout LogAppender,
        txn: borrowing WriteTransaction
    ) throws -> CommandOutcome<Command.ReplyState> {
        if let requestID = metadata.requestID, let first = try self.reader.sequence(ofEventID: requestID, in: txn) {
            return try self.original(of: command, requestID: requestID, startingAt: first, txn: txn)
        }
        let now = appender.recordedAt
        let context = DecisionContext(
            policy: policy, now: now, actor: metadata.actor, tables: self.databases.projections, reader: self.reader)
        var decision = try command.decide(context, txn: txn)
        try Self.checkShape(of: decision)
        if let expected = metadata.expectedVersion { decision.appends[0].expected = expected }
        for append in decision.appends { try appender.check(append.expected, of: append.stream, txn: txn) }

        do {
            let causation = metadata.requestID ?? self.ids.next(now: UInt64(now.rawValue))
            var recorded: [RecordedEvent] = []
            for append in decision.appends {
                var pending: [PendingEvent] = []
                for planned in append.events {
                    // The command's first event carries the causation id (the request id when
                    // given), so that a retry finds the command by it.
                    pending.append(
                        PendingEvent(
                            id: recorded.isEmpty && pending.isEmpty ? causation : self.ids.next(now: UInt64(now.rawValue)),
                            type: planned.event.typeName, schemaVersion: planned.event.schemaVersion,
                            payload: try planned.event.encodedPayload(), occurredAt: planned.occurredAt,
                            actor: metadata.actor, correlationID: metadata.correlationID ?? causation,
                            causationID: causation, salt: planned.event.isConfidential ? EventRecordCodec.makeSalt() : nil))
                }
                recorded += try appender.append(pending, to: append.stream, expected: append.expected, txn: txn)
            }
            for (event, planned) in zip(recorded, decision.events) {
                try self.databases.projections.apply(event, planned.event, txn: txn)
            }
            appender.markProjected(last: recorded.count)
            let state = try Command.ReplyState.row(
                of: command.replyStream(of: recorded), tables: self.databases.projections, in: txn)
            return CommandOutcome(events: recorded, deduplicated: false, state: state)
        } catch let error where error is DomainError || error is StoreError {
            // These would let the job fail alone, keeping its partial writes in the batch.
            throw FailureAfterWriting(underlying: error)
        }
    }

    /// The events an earlier try with the same request id appended, and the reply state as
    /// the log stood right after them: exactly what that try answered.
    private func original<Command: StoreCommand>(
        of command: Command, requestID: UUID, startingAt first: UInt64, txn: borrowing WriteTransaction
    ) throws -> CommandOutcome<Command.ReplyState> {
        let original = try self.reader.commandEvents(startingAt: first, in: txn)
        guard let firstEvent = original.first, let last = original.last,
            let decoded = try? DomainEvent.decode(firstEvent), command.isRetry(of: decoded)
        else {
            throw DomainError.requestIDReused(requestID.uuidString.lowercased())
        }
        let state = try StreamFold(reader: self.reader).state(
            Command.ReplyState.self, of: command.replyStream(of: original), in: txn
        ) { $0.sequence <= last.sequence }
        return CommandOutcome(events: original, deduplicated: true, state: state)
    }

    /// A decision appends something, to each stream once.
    private static func checkShape(of decision: Decision) throws {
        guard !decision.appends.isEmpty, decision.appends.allSatisfy({ !$0.events.isEmpty }) else {
            throw StoreError.invalidDecision("a decision appended no event")
        }
        guard Set(decision.appends.map(\.stream)).count == decision.appends.count else {
            throw StoreError.invalidDecision("a decision appended to one stream twice")
        }
        for append in decision.appends where !StreamKey.isValid(append.stream) {
            throw StoreError.invalidDecision("stream name \(append.stream) is not 1 to 255 bytes without NUL")
        }
    }
}

/// A rule or version failure after a command began writing in the shared transaction: it
/// cannot fail alone (its partial writes are in the transaction), so the batch is aborted and
/// run again job by job; the job's caller then hears `underlying`. (Storage errors pass as
/// they are: a full map must reach `Environment.write`, which grows it and runs the batch
/// again.)
struct FailureAfterWriting: Error {
    let underlying: any Error
}
