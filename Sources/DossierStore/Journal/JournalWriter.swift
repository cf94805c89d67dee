import Foundation
import LMDB
import Logging

/// The write path with the journal: each group's record is appended and flushed before its
/// LMDB transaction commits (LMDB itself flushes nothing at commit), and LMDB is made durable
/// at checkpoints, on a thread of its own so that the writer goes on meanwhile.
///
/// A checkpoint pins the last commit's snapshot, notes its meta page, flushes `data.mdb`, and
/// then writes the journal header naming that snapshot; only then is the previous checkpoint's
/// pin released. So at every moment the header names a snapshot that is whole on disk, and the
/// journal holds every acknowledged event after it.
final class JournalWriter: @unchecked Sendable {
    // Guard: `lastStart`, `usedBytesAtLastStart`, `checkpointedSequence` and `head` belong to
    // the writer thread (and to start and shutdown, while no writer runs); `running`,
    // `failure`, `durablePin` and `stopping` are only touched holding `condition`.
    let journal: Journal
    private let environment: Environment
    private let dataFile: String
    private let logID: [UInt8]
    private let segmentBytes: Int
    private let checkpointBytes: Int
    private let intervalNanoseconds: UInt64
    private let logger: Logger
    private let condition = NSCondition()
    private var running: Plan?
    private var failure: (any Error)?
    private var durablePin: SnapshotPin?
    private var stopping = false
    private var threadDone = false
    private var lastStart = DispatchTime.now().uptimeNanoseconds
    /// `data.mdb`'s used bytes when the last checkpoint started.
    private var usedBytesAtLastStart = 0
    private let checkpointGrowthBytes: Int
    private var checkpointedSequence: UInt64 = 0
    private(set) var head: LogHead

    private struct Plan {
        let header: JournalHeader
        let pin: SnapshotPin
    }

    init(
        journal: Journal, environment: Environment, logID: [UInt8], head: LogHead,
        configuration: DossierStore.Configuration, logger: Logger
    ) {
        self.journal = journal
        self.environment = environment
        self.dataFile = configuration.dataDirectory + "/data.mdb"
        self.logID = logID
        self.head = head
        self.segmentBytes = configuration.journalSegmentBytes
        self.checkpointBytes = configuration.checkpointBytes
        self.checkpointGrowthBytes = configuration.checkpointGrowthBytes
        self.intervalNanoseconds = UInt64(configuration.checkpointIntervalMilliseconds) * 1_000_000
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in self.checkpointLoop() }
        thread.name = "dossier-checkpoint"
        thread.start()
    }

    // MARK: - On the writer thread

    /// Appends the transaction's events as one record and flushes it; call last in the
    /// transaction, before it commits.
    func append(_ entries: [JournalRecord.Entry], firstSequence: UInt64) throws {
        guard !entries.isEmpty else { return }
        try self.journal.append(
            JournalRecord(epoch: self.journal.recordEpoch, firstSequence: firstSequence, entries: entries))
    }

    /// The transaction committed at `head`: its record counts, and a checkpoint starts if one
    /// is due (enough journal since the last, enough time with events in it, or `data.mdb`
    /// grown enough: while a checkpoint's snapshot is pinned, every commit takes fresh pages,
    /// so the file's growth between checkpoints is what bounds its size).
    func committed(head: LogHead) {
        self.journal.confirm()
        self.head = head
        guard head.sequence != self.checkpointedSequence, self.checkpointIsDue, !self.isRunning else { return }
        do {
            try self.beginCheckpoint()
        } catch {
            self.logger.error("starting a checkpoint failed", metadata: ["error": "\(error)"])
        }
    }

    private var checkpointIsDue: Bool {
        if self.journal.offset >= self.checkpointBytes { return true }
        if DispatchTime.now().uptimeNanoseconds - self.lastStart >= self.intervalNanoseconds { return true }
        return self.environment.info().usedBytes - self.usedBytesAtLastStart >= self.checkpointGrowthBytes
    }

    /// The transaction failed after its record was written: the record is voided, since its
    /// callers hear that it failed.
    func failed() throws {
        try self.journal.discardUnconfirmed()
    }

    /// Whether the active segment is empty (a record that does not fit there fits nowhere).
    var segmentIsEmpty: Bool { self.journal.offset == 0 }

    /// Frees a segment for a record that did not fit: waits for a running checkpoint, runs one
    /// if the other segment is still needed, and switches to it.
    func makeRoom() throws {
        try self.waitForCheckpoint()
        if !self.journal.canSwitch {
            try self.beginCheckpoint()
            try self.waitForCheckpoint()
        }
        self.journal.switchSegment()
    }

    private var isRunning: Bool {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.running != nil
    }

    /// Pins the last commit and hands its checkpoint to the checkpoint thread; switches to the
    /// other segment when nothing there is needed, so that the records after it start afresh.
    private func beginCheckpoint() throws {
        let (pin, meta) = try self.pinLastCommit()
        if self.journal.canSwitch { self.journal.switchSegment() }
        let header = self.header(meta: meta, segment: self.journal.active, epoch: self.journal.recordEpoch)
        self.condition.lock()
        self.running = Plan(header: header, pin: pin)
        self.failure = nil
        self.condition.broadcast()
        self.condition.unlock()
        self.noteCheckpointStart(sequence: self.head.sequence)
    }

    private func noteCheckpointStart(sequence: UInt64) {
        self.lastStart = DispatchTime.now().uptimeNanoseconds
        self.usedBytesAtLastStart = self.environment.info().usedBytes
        self.checkpointedSequence = sequence
    }

    /// Waits until no checkpoint runs; throws the last one's failure.
    private func waitForCheckpoint() throws {
        self.condition.lock()
        while self.running != nil { self.condition.wait() }
        let failure = self.failure
        self.condition.unlock()
        if let failure { throw failure }
    }

    // MARK: - While no writer runs (start, shutdown)

    /// Flushes `data.mdb` and makes its current state the checkpoint, with the records
    /// beginning afresh in a new epoch; then `release` pins of the start are dropped.
    func checkpointQuiescent(head: LogHead, releasing earlier: [SnapshotPin] = []) throws {
        try? self.waitForCheckpoint()
        self.head = head
        try self.environment.sync(force: true)
        let (pin, meta) = try self.pinLastCommit()
        // Every epoch in the file is at most one beyond both of these.
        let epoch = max(self.journal.recordEpoch, self.journal.durableHeader.epoch) + 2
        do {
            try self.journal.writeHeader(
                self.header(meta: meta, segment: 0, epoch: epoch, segmentBytes: self.segmentBytes))
        } catch {
            pin.release()
            throw error
        }
        self.journal.restart(segment: 0, epoch: epoch, segmentBytes: self.segmentBytes)
        self.condition.lock()
        let previous = self.durablePin
        self.durablePin = pin
        self.condition.unlock()
        previous?.release()
        earlier.forEach { $0.release() }
        self.noteCheckpointStart(sequence: head.sequence)
    }

    /// Ends the checkpoint thread after a last checkpoint, and releases the pin.
    func shutdown() {
        do {
            try self.checkpointQuiescent(head: self.head)
        } catch {
            self.logger.error("the last checkpoint failed; the journal is applied at the next start", metadata: ["error": "\(error)"])
        }
        self.condition.lock()
        self.stopping = true
        self.condition.broadcast()
        while !self.threadDone { self.condition.wait() }
        let pin = self.durablePin
        self.durablePin = nil
        self.condition.unlock()
        pin?.release()
        self.journal.file.close()
    }

    // MARK: - Shared

    private func pinLastCommit() throws -> (SnapshotPin, MetaPages.Image) {
        let pin = try self.environment.pinSnapshot()
        let slots = try MetaPages.read(dataFile: self.dataFile, pageSize: self.journal.pageSize)
        guard let meta = slots[MetaPages.slot(of: pin.transactionID)], meta.transactionID == pin.transactionID else {
            pin.release()
            throw StoreError.journal("the meta page of transaction \(pin.transactionID) is not in data.mdb")
        }
        return (pin, meta)
    }

    private func header(meta: MetaPages.Image, segment: Int, epoch: UInt64, segmentBytes: Int? = nil) -> JournalHeader {
        JournalHeader(
            generation: 0, logID: self.logID, pageSize: self.journal.pageSize,
            segmentBytes: segmentBytes ?? self.journal.segmentBytes,
            checkpoint: JournalHeader.Checkpoint(meta: meta, head: self.head), segment: segment, epoch: epoch)
    }

    private func checkpointLoop() {
        while true {
            self.condition.lock()
            while self.running == nil && !self.stopping { self.condition.wait() }
            guard let plan = self.running else {
                self.threadDone = true
                self.condition.broadcast()
                self.condition.unlock()
                return
            }
            self.condition.unlock()
            let started = DispatchTime.now().uptimeNanoseconds
            var outcome: (any Error)?
            do {
                try self.environment.sync(force: true)
                try self.journal.writeHeader(plan.header)
            } catch {
                outcome = error
            }
            DossierStore.CheckpointMetrics.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - started, failed: outcome != nil)
            self.condition.lock()
            // The previous checkpoint's snapshot is needed until the new header is durable.
            let released: SnapshotPin?
            if outcome == nil {
                released = self.durablePin
                self.durablePin = plan.pin
            } else {
                released = plan.pin
            }
            self.failure = outcome
            self.running = nil
            self.condition.broadcast()
            self.condition.unlock()
            released?.release()
            if let outcome {
                self.logger.error("checkpoint failed; the journal keeps its events", metadata: ["error": "\(outcome)"])
            }
        }
    }
}
