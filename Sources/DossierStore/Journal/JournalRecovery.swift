import Foundation
import LMDB

/// What `journal.wal` asks of the store when it opens, worked out before LMDB opens.
///
/// After a crash `data.mdb` may hold commits made after the journal's last checkpoint, and
/// after a power cut some of their pages may be missing while a newer meta page says they are
/// there. So whenever `data.mdb` is past the checkpoint, its meta pages are put back on the
/// checkpoint's snapshot (kept whole by a pin until the next checkpoint, see `SnapshotPin`)
/// and the journal's records after it are applied again, by sequence.
///
/// A journal that does not describe this `data.mdb` (another data directory's, or one left
/// beside a restored backup) is never applied: with records to apply the store refuses to
/// start, without any it is replaced.
struct JournalRecovery {
    let file: JournalFile
    /// The durable header; nil when the journal's creation was cut off before it had one.
    let header: JournalHeader?
    /// The records after the checkpoint's epoch began, in sequence order, contiguous.
    let records: [JournalRecord]
    /// The journal describes another `data.mdb` and holds nothing to apply: it is replaced.
    let isStale: Bool
    /// The meta pages as they were before they were put back on the checkpoint; nil when
    /// nothing was changed.
    let replacedMeta: [MetaPages.Image?]?

    /// Events in the records beyond the checkpoint's head.
    var pendingEvents: UInt64 {
        guard let header, let last = self.records.last else { return 0 }
        return last.lastSequence > header.checkpoint.head.sequence ? last.lastSequence - header.checkpoint.head.sequence : 0
    }

    /// Reads the journal of `directory` and, when `restore` is set and `data.mdb` is past the
    /// checkpoint, puts its meta pages back on it. Nil when there is no journal.
    /// - Throws: `StoreError.journal` when the journal has events to apply but does not belong
    ///   to `data.mdb`, or cannot be read; the errors of `JournalFile.openExisting`.
    static func prepare(directory: String, restore: Bool) throws -> JournalRecovery? {
        guard let file = try JournalFile.openExisting(in: directory) else { return nil }
        do {
            return try Self.prepare(file: file, dataFile: directory + "/data.mdb", restore: restore)
        } catch {
            file.close()
            throw error
        }
    }

    private static func prepare(file: JournalFile, dataFile: String, restore: Bool) throws -> JournalRecovery {
        guard let header = try JournalHeader.read(from: file) else {
            // Creating a journal flushes `data.mdb` first and writes records only after the
            // header: a journal without one never held anything.
            guard try file.size() <= Journal.recordsStart else {
                throw StoreError.journal("\(file.path) has records but no readable header; move it away only if data.mdb is known to hold every acknowledged event")
            }
            return JournalRecovery(file: file, header: nil, records: [], isStale: true, replacedMeta: nil)
        }
        let records = try Self.scan(file, header)
        let pending = records.last.map { $0.lastSequence > header.checkpoint.head.sequence } ?? false
        let slots = FileManager.default.fileExists(atPath: dataFile)
            ? try MetaPages.read(dataFile: dataFile, pageSize: header.pageSize) : [nil, nil]
        let newest = slots.compactMap { $0 }.max { $0.transactionID < $1.transactionID }
        let checkpoint = header.checkpoint.meta
        func result(stale: Bool, replaced: [MetaPages.Image?]?) -> JournalRecovery {
            JournalRecovery(
                file: file, header: header, records: records, isStale: stale, replacedMeta: replaced)
        }
        if newest == checkpoint { return result(stale: false, replaced: nil) }
        let size = (try? FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? NSNumber)?.intValue ?? 0
        let belongs = newest.map { $0.transactionID > checkpoint.transactionID } ?? false
            && size >= Int(checkpoint.lastPage + 1) * header.pageSize
        guard belongs else {
            // data.mdb is not ahead of the checkpoint on the same file: a restored backup, or
            // another directory's journal.
            guard !pending else {
                throw StoreError.journal(
                    "\(file.path) holds events after sequence \(header.checkpoint.head.sequence) but data.mdb is not the "
                        + "file it was written for (a restored backup, or a journal from another data directory); "
                        + "if data.mdb was restored on purpose, move the journal away, knowing that the events it holds are dropped")
            }
            return result(stale: true, replaced: nil)
        }
        guard restore else { return result(stale: false, replaced: nil) }
        try MetaPages.restore(checkpoint, dataFile: dataFile, pageSize: header.pageSize)
        return result(stale: false, replaced: slots)
    }

    /// The records of the header's epoch in its segment, then those of the next epoch in the
    /// other segment (a checkpoint switched to it and had not finished), as long as each
    /// continues the sequence; skips records wholly at or before the checkpoint and stops at
    /// the first torn, stale or discontinuous record.
    private static func scan(_ file: JournalFile, _ header: JournalHeader) throws -> [JournalRecord] {
        var records: [JournalRecord] = []
        var next = header.checkpoint.head.sequence + 1
        for step in 0..<2 {
            let segment = step == 0 ? header.segment : 1 - header.segment
            let epoch = header.epoch + UInt64(step)
            let start = Journal.start(of: segment, segmentBytes: header.segmentBytes)
            var offset = 0
            while offset + JournalRecord.headerLength <= header.segmentBytes {
                let head = try file.read(at: start + offset, count: JournalRecord.headerLength)
                guard let length = JournalRecord.payloadLength(header: head),
                    offset + JournalRecord.headerLength + length <= header.segmentBytes
                else { break }
                let payload = try file.read(at: start + offset + JournalRecord.headerLength, count: length)
                guard let record = JournalRecord(header: head, payload: payload), record.epoch == epoch,
                    record.firstSequence <= next
                else { break }
                offset += JournalRecord.headerLength + length
                // A checkpoint that could not switch segments (the previous one had failed)
                // leaves the records before it in its segment: they are already in data.mdb.
                guard record.lastSequence >= next else { continue }
                records.append(record)
                next = record.lastSequence + 1
            }
        }
        return records
    }

    /// Checks, once LMDB is open, that the log is the one the journal was written for.
    func verify(head: LogHead, logID: [UInt8]) throws {
        guard let header, !self.isStale else { return }
        let boundTo = header.logID == JournalHeader.unboundLogID ? logID : header.logID
        guard boundTo == logID, head == header.checkpoint.head else {
            throw StoreError.journal(
                "\(self.file.path) was written for another log (its checkpoint is at sequence "
                    + "\(header.checkpoint.head.sequence), data.mdb's head at \(head.sequence)); move it away only if "
                    + "data.mdb is known to hold every acknowledged event")
        }
    }

    /// Puts back the meta pages `prepare` replaced (when `verify` found the log is not the
    /// journal's); call with the environment closed.
    func undoRestore(dataFile: String) {
        guard let header, let replaced = self.replacedMeta else { return }
        // Each slot gets its own old bytes back; a slot that was not a meta page keeps the
        // checkpoint's.
        try? MetaPages.write(replaced, dataFile: dataFile, pageSize: header.pageSize)
    }
}
