import DossierCore
import Foundation
import LMDB

/// Reads the log inside any transaction: the head, single events, streams and `$all`.
struct LogReader: Sendable {
    let databases: StoreDatabases

    func head(in txn: borrowing some Transaction & ~Copyable) throws -> LogHead {
        try txn.withValue(self.databases.meta, forKey: StoreDatabases.MetaKey.head) { value in
            guard let value else { return .empty }
            guard let head = LogHead(encoded: value) else { throw StoreError.corrupted("meta head is malformed") }
            return head
        }
    }

    func event(at sequence: UInt64, in txn: borrowing some Transaction & ~Copyable) throws -> RecordedEvent? {
        try txn.withValue(self.databases.events, forKey: sequence.bigEndianBytes) { value in
            try value.map { try EventRecordCodec.decode(storedValue: $0) }
        }
    }

    /// The chain hash of the event at `sequence` (the first 32 bytes of its stored value),
    /// without decoding the record.
    func hash(at sequence: UInt64, in txn: borrowing some Transaction & ~Copyable) throws -> [UInt8]? {
        try txn.withValue(self.databases.events, forKey: sequence.bigEndianBytes) { value in
            guard let value, value.count > EventRecordCodec.hashLength else { return nil }
            return Array(value[0..<EventRecordCodec.hashLength])
        }
    }

    func sequence(ofEventID id: UUID, in txn: borrowing some Transaction & ~Copyable) throws -> UInt64? {
        try txn.withValue(self.databases.eventIDs, forKey: id.bytes) { value in
            value.flatMap { UInt64(bigEndianBytes: $0) }
        }
    }

    /// The version of the stream's last event, 0 when the stream does not exist.
    func currentVersion(of stream: StreamID, in txn: borrowing some Transaction & ~Copyable) throws -> UInt64 {
        var version: UInt64 = 0
        try txn.scan(self.databases.streams, from: StreamKey.upperBound(stream), reverse: true) { key, _ in
            version = StreamKey.version(in: key, of: stream) ?? 0
            return false
        }
        return version
    }

    /// Up to `limit` events of `stream` from version `from` on.
    func readStream(
        _ stream: StreamID, from version: UInt64, limit: Int, in txn: borrowing some Transaction & ~Copyable
    ) throws -> [RecordedEvent] {
        var sequences: [UInt64] = []
        try txn.scan(self.databases.streams, from: StreamKey.key(stream, version: max(1, version))) { key, value in
            guard StreamKey.version(in: key, of: stream) != nil, sequences.count < limit,
                let sequence = UInt64(bigEndianBytes: value)
            else { return false }
            sequences.append(sequence)
            return true
        }
        return try sequences.map { sequence in
            guard let event = try self.event(at: sequence, in: txn) else {
                throw StoreError.corrupted("stream \(stream) points at missing event \(sequence)")
            }
            return event
        }
    }

    /// Up to `limit` events of the whole log from sequence `from` on.
    func readAll(from sequence: UInt64, limit: Int, in txn: borrowing some Transaction & ~Copyable) throws
        -> [RecordedEvent]
    {
        var events: [RecordedEvent] = []
        try txn.scan(self.databases.events, from: max(1, sequence).bigEndianBytes) { _, value in
            guard events.count < limit else { return false }
            events.append(try EventRecordCodec.decode(storedValue: value))
            return true
        }
        return events
    }

    /// The events written by one command, found by the id of its first event: they are
    /// contiguous in the log and share the causation id.
    func commandEvents(startingAt first: UInt64, in txn: borrowing some Transaction & ~Copyable) throws
        -> [RecordedEvent]
    {
        guard let firstEvent = try self.event(at: first, in: txn) else { return [] }
        var events = [firstEvent]
        var next = first + 1
        while let event = try self.event(at: next, in: txn), event.causationID == firstEvent.causationID,
            firstEvent.causationID != nil
        {
            events.append(event)
            next += 1
        }
        return events
    }
}
