import DossierCore
import Foundation
import LMDB

/// Appends events inside the writer's transaction: assigns sequences and stream versions,
/// checks expected versions, extends the hash chain and indexes event ids.
///
/// One appender lives for one write transaction; if that transaction is retried, a new
/// appender starts again from the stored head, so nothing of a failed attempt survives.
struct LogAppender {
    let databases: StoreDatabases
    let recordedAt: Timestamp
    private(set) var head: LogHead
    /// The stored bytes of every event appended in this transaction, for the journal.
    private(set) var journalEntries: [JournalRecord.Entry] = []
    private var streamVersions: [StreamID: UInt64] = [:]
    private let reader: LogReader

    init(databases: StoreDatabases, recordedAt: Timestamp, txn: borrowing WriteTransaction) throws {
        self.databases = databases
        self.recordedAt = recordedAt
        self.reader = LogReader(databases: databases)
        self.head = try self.reader.head(in: txn)
    }

    /// The version of the stream's last event (0: no stream), including this transaction's appends.
    mutating func currentVersion(of stream: StreamID, txn: borrowing WriteTransaction) throws -> UInt64 {
        if let cached = self.streamVersions[stream] { return cached }
        let version = try self.reader.currentVersion(of: stream, in: txn)
        self.streamVersions[stream] = version
        return version
    }

    /// Throws `StoreError.wrongExpectedVersion` unless the stream meets `expected`.
    mutating func check(_ expected: ExpectedVersion, of stream: StreamID, txn: borrowing WriteTransaction) throws {
        let current = try self.currentVersion(of: stream, txn: txn)
        guard expected.isSatisfied(byCurrentVersion: current) else {
            throw StoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: current)
        }
    }

    /// Appends `events` to `stream` after checking `expected`.
    mutating func append(
        _ events: [PendingEvent], to stream: StreamID, expected: ExpectedVersion, txn: borrowing WriteTransaction
    ) throws -> [RecordedEvent] {
        try self.check(expected, of: stream, txn: txn)
        var version = try self.currentVersion(of: stream, txn: txn)
        var recorded: [RecordedEvent] = []
        recorded.reserveCapacity(events.count)
        for event in events {
            version += 1
            let sequence = self.head.sequence + 1
            let record = EventRecordCodec.encodeRecord(
                sequence: sequence, id: event.id, stream: stream, version: version, type: event.type,
                schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, recordedAt: self.recordedAt,
                actor: event.actor, correlationID: event.correlationID, causationID: event.causationID,
                payload: event.payload, salt: event.salt
            )
            let hash = HashChain.link(previous: self.head.hash, record: record)
            let stored = hash + record
            try Self.index(
                stored: stored, sequence: sequence, stream: stream, version: version, id: event.id,
                databases: self.databases, txn: txn)
            self.journalEntries.append(JournalRecord.Entry(projected: false, stored: stored))
            self.head = LogHead(sequence: sequence, hash: hash)
            recorded.append(
                RecordedEvent(
                    sequence: sequence, id: event.id, stream: stream, version: version, type: event.type,
                    schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, recordedAt: self.recordedAt,
                    actor: event.actor, correlationID: event.correlationID, causationID: event.causationID,
                    payload: event.payload, salt: event.salt, hash: hash
                )
            )
        }
        self.streamVersions[stream] = version
        return recorded
    }

    /// Writes an event's stored bytes and its two indexes: what appending does, and what
    /// replaying the journal does again.
    static func index(
        stored: [UInt8], sequence: UInt64, stream: StreamID, version: UInt64, id: UUID, databases: StoreDatabases,
        txn: borrowing WriteTransaction
    ) throws {
        try txn.put(databases.events, key: sequence.bigEndianBytes, value: stored, flags: .append)
        try txn.put(databases.streams, key: StreamKey.key(stream, version: version), value: sequence.bigEndianBytes)
        try txn.put(databases.eventIDs, key: id.bytes, value: sequence.bigEndianBytes, flags: .noOverwrite)
    }

    /// Notes that the last `count` appended events were projected (a replay projects them too).
    mutating func markProjected(last count: Int) {
        for index in (self.journalEntries.count - count)..<self.journalEntries.count {
            self.journalEntries[index].projected = true
        }
    }

    /// The sequence of the first event appended in this transaction.
    var firstAppendedSequence: UInt64 { self.head.sequence - UInt64(self.journalEntries.count) + 1 }

    /// Writes the head into `meta`; call once before committing.
    func persistHead(txn: borrowing WriteTransaction) throws {
        try txn.put(self.databases.meta, key: StoreDatabases.MetaKey.head, value: self.head.encoded)
    }
}
