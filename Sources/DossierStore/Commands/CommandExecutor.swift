import DossierCore
import Foundation
import LMDB

/// Runs one command on the writer: finds a retried request's original events, or loads the
/// state the rule needs, decides, appends, and updates the projections, all in the writer's
/// transaction. Every check happens before the first write, so a refused command writes nothing.
struct CommandExecutor: Sendable {
    let databases: StoreDatabases
    let reader: LogReader
    let projections: Projections
    let ids: TimeOrderedUUID

    init(databases: StoreDatabases, ids: TimeOrderedUUID) {
        self.databases = databases
        self.reader = LogReader(databases: databases)
        self.projections = Projections(databases: databases)
        self.ids = ids
    }

    /// What a decision produced: the stream it writes, what that stream must hold, the events.
    struct Decision {
        var stream: StreamID
        var expected: ExpectedVersion
        var events: [(DomainEvent, occurredAt: Timestamp)]
    }

    func execute(
        _ command: DomainCommand, metadata: CommandMetadata, policy: Policy, appender: inout LogAppender,
        txn: borrowing WriteTransaction
    ) throws -> CommandOutcome {
        if let requestID = metadata.requestID, let first = try self.reader.sequence(ofEventID: requestID, in: txn) {
            let original = try self.reader.commandEvents(startingAt: first, in: txn)
            guard let firstEvent = original.first, let decoded = try? DomainEvent.decode(firstEvent),
                command.isRetry(of: decoded)
            else {
                throw DomainError.requestIDReused(requestID.uuidString.lowercased())
            }
            return CommandOutcome(events: original, deduplicated: true)
        }
        let now = appender.recordedAt
        let decision = try self.decide(command, metadata: metadata, policy: policy, now: now, txn: txn)
        let expected = metadata.expectedVersion ?? decision.expected
        try appender.check(expected, of: decision.stream, txn: txn)

        let causation = metadata.requestID ?? self.ids.next(now: UInt64(now.rawValue))
        var pending: [PendingEvent] = []
        for (index, (event, occurredAt)) in decision.events.enumerated() {
            pending.append(
                PendingEvent(
                    id: index == 0 ? causation : self.ids.next(now: UInt64(now.rawValue)),
                    type: event.typeName, schemaVersion: event.schemaVersion, payload: try event.encodedPayload(),
                    occurredAt: occurredAt, actor: metadata.actor,
                    correlationID: metadata.correlationID ?? causation, causationID: causation,
                    salt: event.isConfidential ? EventRecordCodec.makeSalt() : nil
                )
            )
        }
        let recorded = try appender.append(pending, to: decision.stream, expected: expected, txn: txn)
        for (event, (decoded, _)) in zip(recorded, decision.events) {
            try self.projections.apply(event, decoded, txn: txn)
        }
        return CommandOutcome(events: recorded, deduplicated: false)
    }

    private func decide(
        _ command: DomainCommand, metadata: CommandMetadata, policy: Policy, now: Timestamp,
        txn: borrowing WriteTransaction
    ) throws -> Decision {
        switch command {
        case .registerCustomer(let register):
            let existing = try self.projections.customer(register.id, in: txn)
            let registered = try CustomerDecisions.register(register, existing: existing)
            return Decision(
                stream: .customer(register.id), expected: .noStream,
                events: [(.customerRegistered(registered), now)]
            )
        case .fileComplaint(let file):
            let series = ComplaintDecisions.numberingSeries(of: file, now: now, policy: policy)
            let context = ComplaintDecisions.FilingContext(
                customer: try self.projections.customer(file.customer, in: txn),
                lastRunningNumber: try self.projections.lastRunningNumber(unit: series.unit, day: series.day, in: txn),
                receiver: metadata.actor, now: now
            )
            let filed = try ComplaintDecisions.file(file, context: context, policy: policy)
            return Decision(
                stream: .complaint(filed.number), expected: .noStream,
                events: [(.complaintFiled(filed), filed.receivedAt)]
            )
        case .flagCustomer(let flag):
            let flagged = try CustomerDecisions.flag(
                flag, customer: try self.projections.customer(flag.customer, in: txn),
                today: policy.calendar.localDate(of: now))
            return Decision(
                stream: .customer(flag.customer), expected: .streamExists, events: [(.customerFlagged(flagged), now)]
            )
        }
    }
}
