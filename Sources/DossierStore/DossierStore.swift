import DossierCore
import Foundation
import LMDB
import Logging
import ServiceLifecycle
import Synchronization

/// The event log of Dossier on LMDB, its projections, and the single writer that appends.
///
/// Writes go through `execute` (domain commands) or `append` (raw events); both queue to the
/// writer thread, which commits whatever is queued in one transaction and answers each caller
/// only after the commit is durable. Reads open short snapshots on the caller's thread and
/// never wait for the writer.
///
/// As a `Service`, `run()` flushes the weaker durability modes periodically until graceful
/// shutdown. Whoever opened the store closes it with `shutdown()` once nothing serves from it
/// any more (the daemon: after the server stopped), so no request can reach a closed file.
public final class DossierStore: Service, Sendable {
    public let configuration: Configuration
    let environment: Environment
    let databases: StoreDatabases
    let reader: LogReader
    let projections: ProjectionMaintenance
    private let executor: CommandExecutor
    private let writer: GroupCommitWriter
    private let policyBox: Mutex<Policy>
    private let statisticsBox = Mutex(WriterStatistics())
    /// The wall clock (injectable in tests); the log's time is `logClock`.
    let wallClock: @Sendable () -> Timestamp
    /// The log's own time: the wall clock, never earlier than the last recorded event.
    let logClock: Mutex<LogClock>
    let logger: Logger
    /// Wakes followers of the log after each commit.
    let headWatch: HeadWatch
    /// Held from open to `shutdown`: one daemon per data directory.
    private let directoryLock: Mutex<DataDirectoryLock?>
    /// The write-ahead journal's side of the writer, when `configuration.writePath` is `journal`.
    let journalWriter: JournalWriter?

    /// Opens (or creates) the log in `configuration.dataDirectory` and starts the writer.
    /// - Parameter holder: who opens it, written into the directory's lock file so that a
    ///   second daemon's refusal can name the first (e.g. `socket /run/dossier/dossierd.sock`).
    /// - Throws: `StoreError.dataDirectoryInUse` when another process holds the directory,
    ///   `.notADossierStore`, `.unsupportedFormat`, or `.storage` with LMDB's code.
    public init(
        configuration: Configuration,
        policy: Policy = Policy(),
        logger: Logger,
        clock: @escaping @Sendable () -> Timestamp = { Timestamp(Date()) },
        holder: String = ""
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.wallClock = clock
        self.policyBox = Mutex(policy)

        try Self.prepareDirectory(configuration.dataDirectory)
        // Before the lock file is made: the check looks at the directory as earlier runs left it.
        try Self.refuseEmptyLogFile(in: configuration.dataDirectory)
        self.directoryLock = Mutex(try DataDirectoryLock(directory: configuration.dataDirectory, holder: holder))
        var environmentConfiguration = Environment.Configuration()
        environmentConfiguration.initialMapSize = configuration.initialMapSize
        environmentConfiguration.maximumMapSize = configuration.maximumMapSize
        environmentConfiguration.maxReaders = configuration.maximumReaders
        switch configuration.durability {
        case .full where configuration.journalIsActive:
            // The journal's flush makes a group durable; LMDB is flushed at checkpoints.
            environmentConfiguration.flags.insert(.noSync)
            if configuration.journalPageWrites == .map { environmentConfiguration.flags.insert(.writeMap) }
        case .full:
            // LMDB's own commit: data pages flushed, then the meta page flushed; callers are
            // answered after both. Deferring answers to the next commit's flush (one flush per
            // commit, MDB_NOMETASYNC) was measured slower under a closed loop of clients: every
            // caller waited a whole extra commit, so batches shrank (docs/PERFORMANCE.md).
            break
        case .metaAsync: environmentConfiguration.flags.insert(.noMetaSync)
        case .none: environmentConfiguration.flags.insert(.noSync)
        }
        environmentConfiguration.onMapGrowth = { [logger] size in
            logger.notice("map grown", metadata: ["store.map_size": "\(size)"])
        }
        // Before LMDB opens: after a crash the journal may put data.mdb back on its checkpoint.
        let recovery = try JournalRecovery.prepare(directory: configuration.dataDirectory, restore: true)
        do {
            self.environment = try Environment(path: configuration.dataDirectory, configuration: environmentConfiguration)
        } catch let error as LMDBError {
            if error.code == .invalid || error.code == .versionMismatch || error.code == .corrupted {
                throw StoreError.corrupted("\(configuration.dataDirectory)/data.mdb is not a readable LMDB file: \(error.message)")
            }
            throw StoreError.storage(error)
        }
        let journalStart: JournalStart
        do {
            journalStart = try JournalStart.begin(
                recovery: recovery, environment: self.environment, configuration: configuration)
        } catch {
            recovery?.file.close()
            throw error
        }
        do {
            try DataFileSize.checkNotTruncated(configuration.dataDirectory + "/data.mdb", of: self.environment)
            self.databases = try StoreDatabases.open(in: self.environment, now: clock())
            self.reader = LogReader(databases: self.databases)
            self.projections = ProjectionMaintenance(databases: self.databases)
            let logID = try journalStart.apply(
                environment: self.environment, databases: self.databases, projections: self.projections, logger: logger)
            self.executor = CommandExecutor(databases: self.databases, ids: TimeOrderedUUID())
            self.logClock = Mutex(LogClock(lastRecordedAt: try Self.lastRecordedAt(self.environment, self.reader)))
            if let replayed = try self.projections.rebuildIfOutdated(
                in: self.environment, reader: self.reader, evenIfCurrent: configuration.rebuildProjections)
            {
                logger.notice("projections rebuilt from the log", metadata: ["log.events": "\(replayed)"])
            }
            let reader = self.reader
            let head = try self.environment.read { txn in try reader.head(in: txn) }
            self.headWatch = HeadWatch(head: head.sequence)
            self.journalWriter = try journalStart.finish(
                environment: self.environment, logID: logID, head: head, configuration: configuration, logger: logger)
        } catch {
            journalStart.abandon(environment: self.environment, dataDirectory: configuration.dataDirectory)
            throw error
        }

        // The writer calls back into the store; it exists before its first job can arrive.
        let batchProcessor = BatchProcessorReference()
        self.writer = GroupCommitWriter(maximumBatchSize: configuration.maximumBatchSize) { batch in
            batchProcessor.store?.process(batch)
        }
        batchProcessor.store = self
        try self.verifyOnStart()
        self.writer.start()
    }

    /// The policy rules decide with; may be replaced while running (config reload).
    public var policy: Policy {
        get { self.policyBox.withLock { $0 } }
    }

    public func updatePolicy(_ policy: Policy) {
        self.policyBox.withLock { $0 = policy }
    }

    public var statistics: WriterStatistics { self.statisticsBox.withLock { $0 } }

    /// The log's time and the wall clock's steps back, for `system.status`.
    public var clockStatus: LogClock { self.logClock.withLock { $0 } }

    func recordSync() {
        self.statisticsBox.withLock { $0.syncs += 1 }
    }

    private static func prepareDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.notADossierStore(path: path)
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw StoreError.cannotCreateDirectory(path: path, reason: Self.reason(error))
        }
    }

    /// The POSIX reason inside a Foundation file error, e.g. "Permission denied".
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return POSIXError(code).localizedDescription
        }
        return nsError.localizedDescription
    }

    // MARK: - Service

    /// Flushes the log every `configuration.syncIntervalMilliseconds` when `durability` does
    /// not flush at commit, until graceful shutdown. It does not close the store.
    public func run() async throws {
        await self.syncPeriodically()
    }

    /// Finishes every queued write, flushes what the durability mode left unflushed, then
    /// closes the environment once running reads have ended and releases the data directory.
    /// Later writes fail with `StoreError.shuttingDown`, later reads too. Later calls do nothing.
    public func shutdown() async {
        await self.writer.stop()
        self.journalWriter?.shutdown()
        self.syncUnflushedCommits()
        self.environment.close()
        let released = self.directoryLock.withLock { lock in
            defer { lock = nil }
            return lock != nil
        }
        if released {
            self.logger.notice("store closed", metadata: ["store.path": "\(self.configuration.dataDirectory)"])
        }
    }

    // MARK: - Writing

    /// Decides and appends `command`; returns once its events are durable.
    /// - Throws: `DomainError` when a rule refuses it, `StoreError` otherwise.
    public func execute<Command: StoreCommand>(_ command: Command, metadata: CommandMetadata) async throws
        -> CommandOutcome<Command.ReplyState>
    {
        try await self.enqueue(command, metadata: metadata).value()
    }

    /// Queues `command` to the writer now and returns a handle to await its outcome. Commands
    /// queued one after another are decided and appended in that order.
    public func enqueue<Command: StoreCommand>(_ command: Command, metadata: CommandMetadata)
        -> PendingWrite<CommandOutcome<Command.ReplyState>>
    {
        self.submit { txn, appender in
            try self.executor.execute(command, metadata: metadata, policy: self.policy, appender: &appender, txn: txn)
        }
    }

    /// Queues `commands` to the writer together, in order, and returns a handle for each.
    /// Each is decided and committed like one `enqueue`d alone: it fails or succeeds by itself.
    public func enqueue<Command: StoreCommand>(contentsOf commands: [(Command, CommandMetadata)])
        -> [PendingWrite<CommandOutcome<Command.ReplyState>>]
    {
        let prepared = commands.map { command, metadata in
            self.job { txn, appender in
                try self.executor.execute(command, metadata: metadata, policy: self.policy, appender: &appender, txn: txn)
            }
        }
        self.writer.enqueue(contentsOf: prepared.map(\.job))
        return prepared.map(\.pending)
    }

    /// Appends raw events to `stream` if it meets `expected` (the log's own contract, below
    /// the domain: no rule runs and no projection changes).
    public func append(_ events: [PendingEvent], to stream: StreamID, expected: ExpectedVersion) async throws
        -> [RecordedEvent]
    {
        guard StreamKey.isValid(stream) else {
            throw DomainError.invalidField(field: "stream", reason: "must be 1 to 255 bytes without NUL")
        }
        return try await self.submit { txn, appender in
            try appender.append(events, to: stream, expected: expected, txn: txn)
        }.value()
    }

    func submit<R: Sendable>(
        _ body: @escaping @Sendable (borrowing WriteTransaction, inout LogAppender) throws -> R
    ) -> PendingWrite<R> {
        let (job, pending) = self.job(body)
        self.writer.enqueue(job)
        return pending
    }

    /// A job for the writer that runs `body`, and the handle its caller awaits.
    private func job<R: Sendable>(
        _ body: @escaping @Sendable (borrowing WriteTransaction, inout LogAppender) throws -> R
    ) -> (job: WriteJob, pending: PendingWrite<R>) {
        let pending = PendingWrite<R>()
        let result = ResultBox<R>()
        let job = WriteJob(
            perform: { txn, appender in result.value = try body(txn, &appender) },
            succeed: { pending.complete(.success(result.value!)) },
            fail: { pending.complete(.failure($0)) }
        )
        return (job, pending)
    }

    /// Runs a batch in one transaction; called on the writer thread only.
    func process(_ batch: [WriteJob]) {
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let recordedAt = self.nextRecordedAt()
            let (failures, head) = try self.environment.write { txn in
                var appender = try LogAppender(databases: self.databases, recordedAt: recordedAt, txn: txn)
                var failures: [Int: any Error] = [:]
                for (index, job) in batch.enumerated() {
                    do {
                        try job.perform(txn, &appender)
                    } catch where Self.failsAlone(error) {
                        failures[index] = error
                    }
                }
                try appender.persistHead(txn: txn)
                try self.projections.persistCheckpoints(appender.head.sequence, txn: txn)
                // Last, so that a record is never flushed for a transaction that then fails
                // before its commit; if the commit fails, `failed()` voids the record.
                try self.journalWriter?.append(appender.journalEntries, firstSequence: appender.firstAppendedSequence)
                return (failures, appender.head)
            }
            self.journalWriter?.committed(head: head)
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            self.statisticsBox.withLock { $0.record(batchSize: batch.count, failed: failures.count, nanoseconds: elapsed) }
            CommitMetrics.record(batchSize: batch.count, nanoseconds: elapsed)
            // A refused command wrote nothing: its caller hears at once. The others are durable:
            // the commit returned after its flushes (as far as `durability` asks for them).
            for (index, job) in batch.enumerated() {
                if let failure = failures[index] { job.fail(failure) } else { job.succeed() }
            }
            self.headWatch.advance(to: head.sequence)
        } catch let full as JournalFull {
            self.processAfterMakingRoom(batch, full: full)
        } catch {
            self.voidJournalRecord()
            if batch.count > 1 {
                // Something below the rules failed. Run each job alone so that only the job that
                // causes it fails and the others still commit.
                for job in batch { self.process([job]) }
                return
            }
            let failure = self.translate(error)
            // A full disk fails every write until someone frees space: one line per failure
            // would bury the journal (733 in one test).
            Self.writeFailureLog { suppressed in
                var metadata: Logger.Metadata = ["error": "\(failure)"]
                if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
                self.logger.error("write failed", metadata: metadata)
            }
            self.statisticsBox.withLock { $0.failedJobs += 1 }
            batch[0].fail(failure)
        }
    }

    static let writeFailureLog = LogRateLimiter(burst: 5, interval: .seconds(10))

    /// Rule refusals and version conflicts are decided before a job writes anything, so they
    /// can fail the job alone inside a shared transaction.
    private static func failsAlone(_ error: any Error) -> Bool {
        switch error {
        case is DomainError: return true
        case StoreError.wrongExpectedVersion: return true
        default: return false
        }
    }

    func translate(_ error: any Error) -> any Error {
        if let failure = error as? FailureAfterWriting { return self.translate(failure.underlying) }
        guard let error = error as? LMDBError else { return error }
        switch error.code {
        case .mapFull: return StoreError.storageFull(maximumBytes: self.configuration.maximumMapSize)
        case .noSpace, .quotaExceeded: return StoreError.diskFull(path: self.configuration.dataDirectory)
        // LMDB reports a short write as EIO ("TODO: Use which error code?" in mdb_page_flush):
        // on a full disk the last pages of a commit are written in part. Only a disk with room
        // left makes EIO a failing disk.
        case .inputOutput where FreeSpace.isExhausted(at: self.configuration.dataDirectory):
            return StoreError.diskFull(path: self.configuration.dataDirectory)
        case .environmentClosed: return StoreError.shuttingDown
        default: return StoreError.storage(error)
        }
    }
}

/// Lets the writer's closure reach the store without a retain cycle.
private final class BatchProcessorReference: @unchecked Sendable {
    // Guard: written once during `DossierStore.init`, before the writer thread starts.
    weak var store: DossierStore?
}

/// Carries a job's result from the writer thread to the caller's continuation.
private final class ResultBox<R>: @unchecked Sendable {
    // Guard: written on the writer thread before `succeed` runs; read once in `succeed`, on the
    // same thread.
    var value: R?
}
