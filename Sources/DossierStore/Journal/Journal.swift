import Synchronization

/// The journal's records: two segments after the header slots, written in turn.
///
/// Each group commit's record is written at the end of the active segment and flushed before
/// the group's LMDB transaction commits. A checkpoint that starts while the other segment is
/// covered by the last durable header switches to it (a new epoch, from its start): the
/// records of the old segment are then all at or before the checkpoint and become garbage once
/// its header is durable. Records of an older epoch left in a segment are told apart by their
/// epoch, and a torn record by its checksum.
final class Journal: @unchecked Sendable {
    // Guard: `active`, `epoch`, `offset` and `unconfirmed` belong to the writer thread (and to
    // the store's start and shutdown, while no writer runs); `durable` is shared with the
    // checkpoint thread under its mutex.
    let file: JournalFile
    private(set) var segmentBytes: Int
    let pageSize: Int
    private(set) var active: Int
    private(set) var epoch: UInt64
    /// Bytes of confirmed records in the active segment.
    private(set) var offset = 0
    private var unconfirmed: Int?
    /// A failed transaction's record could not be voided: writing on would let a restart apply
    /// it, so nothing more is written until the daemon restarts (and the operator looks).
    private var isBroken = false
    private let durable: Mutex<JournalHeader>

    static let recordsStart = 2 * JournalHeader.slotSize

    /// A journal whose durable header is `header`, writing from the start of its segment.
    init(file: JournalFile, header: JournalHeader) {
        self.file = file
        self.segmentBytes = header.segmentBytes
        self.pageSize = header.pageSize
        self.active = header.segment
        self.epoch = header.epoch
        self.durable = Mutex(header)
    }

    var durableHeader: JournalHeader { self.durable.withLock { $0 } }

    static func start(of segment: Int, segmentBytes: Int) -> Int { Self.recordsStart + segment * segmentBytes }

    /// Whether a record of `length` bytes fits after the active segment's records.
    func fits(_ length: Int) -> Bool { self.offset + length <= self.segmentBytes }

    /// Writes `record` after the confirmed records and flushes it; it counts once `confirm`ed.
    /// Called again before `confirm` (a transaction retried after the map grew), it writes
    /// over the unconfirmed one.
    /// - Throws: `JournalFull` when it does not fit, `StoreError` when writing fails.
    func append(_ record: JournalRecord) throws {
        guard !self.isBroken else {
            throw StoreError.journal("a failed commit's record could not be voided; restart dossierd")
        }
        let bytes = record.encoded()
        guard self.fits(bytes.count) else { throw JournalFull(length: bytes.count) }
        try self.file.write(bytes, at: Self.start(of: self.active, segmentBytes: self.segmentBytes) + self.offset)
        try self.file.sync()
        self.unconfirmed = bytes.count
    }

    /// The last appended record's transaction committed.
    func confirm() {
        if let length = self.unconfirmed { self.offset += length }
        self.unconfirmed = nil
    }

    /// The last appended record's transaction failed: it must not be applied after a restart,
    /// since its callers were told it failed. Its header is overwritten and flushed.
    func discardUnconfirmed() throws {
        guard self.unconfirmed != nil else { return }
        let position = Self.start(of: self.active, segmentBytes: self.segmentBytes) + self.offset
        do {
            try self.file.write([UInt8](repeating: 0, count: JournalRecord.headerLength), at: position)
            try self.file.sync()
        } catch {
            self.isBroken = true
            throw error
        }
        self.unconfirmed = nil
    }

    /// The epoch new records carry.
    var recordEpoch: UInt64 { self.epoch }

    /// Whether the other segment holds nothing a restart could need: the durable header names
    /// the active segment, so every record in the other one is at or before its checkpoint.
    var canSwitch: Bool { self.durable.withLock { $0.segment } == self.active }

    /// Continues in the other segment, from its start, in the next epoch.
    func switchSegment() {
        precondition(self.canSwitch && self.unconfirmed == nil, "switching onto a segment a restart may need")
        self.active = 1 - self.active
        self.epoch += 1
        self.offset = 0
    }

    /// Starts writing records afresh at the start of `segment` in `epoch`, in segments of
    /// `segmentBytes`: once a header names a checkpoint that holds every record written so far.
    func restart(segment: Int, epoch: UInt64, segmentBytes: Int) {
        self.active = segment
        self.epoch = epoch
        self.offset = 0
        self.unconfirmed = nil
        self.segmentBytes = segmentBytes
    }

    /// Makes `header` (with the next generation) the durable header. Called by one thread at a
    /// time: the checkpoint thread, or the store while no checkpoint runs.
    func writeHeader(_ header: JournalHeader) throws {
        var next = header
        next.generation = self.durable.withLock { $0.generation } + 1
        try next.write(to: self.file)
        self.durable.withLock { $0 = next }
    }
}

/// A group's record does not fit in what is left of the active segment.
struct JournalFull: Error {
    let length: Int
}
