import DossierCore
import LMDB

extension JournalRecovery {
    /// Applies the records' events beyond the log's head, as their commands did: the stored
    /// bytes, both indexes, and the projections of the events their command projected. Each
    /// event must continue the sequence and the hash chain of `data.mdb`, so a journal of
    /// another log cannot slip events in. Idempotent: events at or before the head are skipped.
    /// - Returns: the events applied.
    func replay(into environment: Environment, databases: StoreDatabases, projections: ProjectionMaintenance) throws
        -> UInt64
    {
        guard !self.isStale else { return 0 }
        let reader = LogReader(databases: databases)
        var applied: UInt64 = 0
        // Transactions of about a thousand groups keep LMDB's dirty pages bounded.
        var start = 0
        while start < self.records.count {
            let end = min(self.records.count, start + 1024)
            applied += try environment.write { txn in
                var head = try reader.head(in: txn)
                var count: UInt64 = 0
                for record in self.records[start..<end] {
                    for (offset, entry) in record.entries.enumerated() {
                        let sequence = record.firstSequence + UInt64(offset)
                        guard sequence > head.sequence else { continue }
                        head = try Self.apply(entry, sequence: sequence, after: head, databases: databases, txn: txn)
                        count += 1
                    }
                }
                try txn.put(databases.meta, key: StoreDatabases.MetaKey.head, value: head.encoded)
                try projections.persistCheckpoints(head.sequence, txn: txn)
                return count
            }
            start = end
        }
        return applied
    }

    private static func apply(
        _ entry: JournalRecord.Entry, sequence: UInt64, after head: LogHead, databases: StoreDatabases,
        txn: borrowing WriteTransaction
    ) throws -> LogHead {
        let hashLength = EventRecordCodec.hashLength
        guard sequence == head.sequence + 1, entry.stored.count > hashLength else {
            throw StoreError.journal("the journal skips from sequence \(head.sequence) to \(sequence)")
        }
        let hash = Array(entry.stored[0..<hashLength])
        guard HashChain.link(previous: head.hash, record: Array(entry.stored[hashLength...])) == hash else {
            throw StoreError.journal("event \(sequence) in the journal does not continue the hash chain of data.mdb")
        }
        let event = try entry.stored.withUnsafeBytes { try EventRecordCodec.decode(storedValue: $0) }
        guard event.sequence == sequence else {
            throw StoreError.journal("event \(sequence) in the journal carries sequence \(event.sequence)")
        }
        try LogAppender.index(
            stored: entry.stored, sequence: sequence, stream: event.stream, version: event.version, id: event.id,
            databases: databases, txn: txn)
        if entry.projected {
            try databases.projections.apply(event, try DomainEvent.decode(event), txn: txn)
        }
        return LogHead(sequence: sequence, hash: hash)
    }
}
