import DossierCore
import LMDB
import Logging

extension DossierStore {
    /// The journal's part of opening the store, between LMDB opening and the writer starting.
    struct JournalStart {
        let recovery: JournalRecovery?
        /// Holds the checkpoint's snapshot (or, for a new journal, the flushed state) while the
        /// store's own start writes into LMDB.
        let pin: SnapshotPin?
        /// The journal to write through; nil when the journal is not used.
        let journal: Journal?

        /// Right after LMDB opened, before anything writes to it: pins the snapshot a restart
        /// would go back to and, with the journal in use, makes sure a durable header names a
        /// snapshot that is whole on disk (a new journal starts from `data.mdb` flushed).
        static func begin(
            recovery: JournalRecovery?, environment: Environment, configuration: Configuration
        ) throws -> JournalStart {
            let pin = recovery != nil || configuration.journalIsActive ? try environment.pinSnapshot() : nil
            guard configuration.journalIsActive else { return JournalStart(recovery: recovery, pin: pin, journal: nil) }
            if let recovery, let header = recovery.header, !recovery.isStale {
                return JournalStart(recovery: recovery, pin: pin, journal: Journal(file: recovery.file, header: header))
            }
            try environment.sync(force: true)
            let file = try recovery?.file ?? JournalFile.create(in: configuration.dataDirectory)
            let pageSize = environment.info().pageSize
            let slots = try MetaPages.read(dataFile: configuration.dataDirectory + "/data.mdb", pageSize: pageSize)
            guard let pin, let meta = slots[MetaPages.slot(of: pin.transactionID)] else {
                throw StoreError.journal("the meta page of data.mdb's last transaction is not readable")
            }
            let previous = recovery?.header
            // Bound to no log yet: the store's start binds it in its first checkpoint.
            let header = JournalHeader(
                generation: previous?.generation ?? 0, logID: JournalHeader.unboundLogID, pageSize: pageSize,
                segmentBytes: configuration.journalSegmentBytes,
                checkpoint: JournalHeader.Checkpoint(meta: meta, head: .empty), segment: 0,
                epoch: (previous?.epoch ?? 0) + 2)
            let journal = Journal(file: file, header: previous ?? header)
            try journal.writeHeader(header)
            journal.restart(segment: 0, epoch: header.epoch, segmentBytes: header.segmentBytes)
            return JournalStart(recovery: recovery, pin: pin, journal: journal)
        }

        /// Once the databases are open: checks that the journal belongs to this log and applies
        /// its events after the checkpoint. Returns the log's identity (nil without a journal).
        func apply(
            environment: Environment, databases: StoreDatabases, projections: ProjectionMaintenance, logger: Logger
        ) throws -> [UInt8]? {
            guard self.recovery != nil || self.journal != nil else { return nil }
            let logID = try DossierStore.logID(environment, databases)
            if let recovery {
                let head = try environment.read { txn in try LogReader(databases: databases).head(in: txn) }
                try recovery.verify(head: head, logID: logID)
                let applied = try recovery.replay(into: environment, databases: databases, projections: projections)
                if applied > 0 {
                    logger.notice("events applied again from the journal", metadata: ["log.events": "\(applied)"])
                }
            }
            return logID
        }

        /// Makes everything the start wrote durable: the journal's first checkpoint, or, without
        /// the journal in use, a flush and the end of a journal left by an earlier run.
        func finish(
            environment: Environment, logID: [UInt8]?, head: LogHead, configuration: Configuration, logger: Logger
        ) throws -> JournalWriter? {
            if let journal, let logID {
                let writer = JournalWriter(
                    journal: journal, environment: environment, logID: logID, head: head,
                    configuration: configuration, logger: logger)
                try writer.checkpointQuiescent(head: head, releasing: self.pin.map { [$0] } ?? [])
                writer.start()
                return writer
            }
            if let recovery {
                try environment.sync(force: true)
                recovery.file.close()
                try JournalFile.remove(in: configuration.dataDirectory)
                logger.notice("journal applied and removed (store.journal is off)")
            }
            self.pin?.release()
            return nil
        }

        /// The start failed: nothing stays open, and meta pages put back on a checkpoint that
        /// turned out not to be this log's get their old bytes back.
        func abandon(environment: Environment, dataDirectory: String) {
            self.pin?.release()
            environment.close()
            self.recovery?.undoRestore(dataFile: dataDirectory + "/data.mdb")
            (self.journal?.file ?? self.recovery?.file)?.close()
        }
    }

    /// The log's identity (`log_id` in `meta`, 16 random bytes made on first use): a journal
    /// is applied only to the log it was written for.
    static func logID(_ environment: Environment, _ databases: StoreDatabases) throws -> [UInt8] {
        let key = StoreDatabases.MetaKey.logID
        if let id = try environment.read({ txn in try txn.get(databases.meta, forKey: key) }) { return id }
        let id = (0..<16).map { _ in UInt8.random(in: 0...255) }
        try environment.write { txn in try txn.put(databases.meta, key: key, value: id) }
        return id
    }
}

extension DossierStore {
    /// A group's record did not fit in the active segment: a segment is freed and the group
    /// runs again; a group too large for an empty segment runs job by job, and a single
    /// command too large for one fails alone.
    func processAfterMakingRoom(_ batch: [WriteJob], full: JournalFull) {
        guard let journalWriter = self.journalWriter else { return }
        if !journalWriter.segmentIsEmpty {
            do {
                try journalWriter.makeRoom()
            } catch {
                let failure = self.translate(error)
                batch.forEach { $0.fail(failure) }
                return
            }
            self.process(batch)
            return
        }
        if batch.count > 1 {
            for job in batch { self.process([job]) }
            return
        }
        batch[0].fail(
            StoreError.journal(
                "one command's events take \(full.length) bytes, more than a journal segment holds "
                    + "(store.journal_segment_bytes = \(self.configuration.journalSegmentBytes))"))
    }

    /// A transaction failed after its record was flushed: the record is voided so that no
    /// restart applies what its callers hear failed.
    func voidJournalRecord() {
        do {
            try self.journalWriter?.failed()
        } catch {
            self.logger.critical(
                "a failed commit's journal record could not be voided; writes are refused until restart",
                metadata: ["error": "\(error)"])
        }
    }
}
