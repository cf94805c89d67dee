import DossierCore
import Foundation
import LMDB

/// A log opened for reading only and without a lock file: a backup copy, or the data file of a
/// stopped daemon. Nothing in its file changes and no file is created next to it
/// (`MDB_RDONLY | MDB_NOLOCK`), so it is safe on a copy an auditor hands over, and on a file
/// someone may have planted a `lock.mdb` link beside.
///
/// Without a lock, LMDB cannot tell a concurrent writer to keep the pages this reader uses:
/// open only files no daemon writes (the data directory's `dossierd.lock` says when one does).
public final class ReadOnlyLog: Sendable {
    let environment: Environment
    let databases: StoreDatabases
    /// The data file (`data.mdb`) this log reads.
    public let dataFile: String
    /// Held shared while reading a data directory, so that no daemon starts on it meanwhile.
    private let directoryLock: DataDirectoryLock?

    /// Opens the log of the data directory `directory` of a *stopped* daemon, or a backup copy.
    /// - Throws: `StoreError.dataDirectoryInUse` while a daemon serves it (read it through the
    ///   daemon then: `audit.verify`, `audit.replay`), and the errors of `init(dataFile:)`.
    public convenience init(dataDirectory directory: String) throws {
        let lock = try DataDirectoryLock.forReading(directory: directory)
        try self.init(dataFile: directory + "/data.mdb", lock: lock)
    }

    /// Opens the data file at `dataFile` (a path to the file itself, not its directory).
    /// - Throws: `StoreError.corrupted` for a truncated file or one that is not LMDB,
    ///   `.notADossierStore`, `.unsupportedFormat`, or `.storage` with LMDB's code.
    public convenience init(dataFile: String) throws {
        try self.init(dataFile: dataFile, lock: nil)
    }

    private init(dataFile: String, lock: DataDirectoryLock?) throws {
        guard FileManager.default.fileExists(atPath: dataFile) else { throw StoreError.noLog(path: dataFile) }
        self.directoryLock = lock
        var configuration = Environment.Configuration()
        configuration.flags = [.readOnly, .noLock, .noSubdirectory, .noTLS]
        do {
            self.environment = try Environment(path: dataFile, configuration: configuration)
        } catch let error as LMDBError {
            if error.code == .invalid || error.code == .versionMismatch || error.code == .corrupted {
                throw StoreError.corrupted("\(dataFile) is not a readable LMDB file: \(error.message)")
            }
            throw StoreError.storage(error)
        }
        self.dataFile = dataFile
        try DataFileSize.checkNotTruncated(dataFile, of: self.environment)
        self.databases = try StoreDatabases.open(in: self.environment, now: Timestamp(rawValue: 0))
    }

    /// The last sequence and head hash recorded in the log.
    public func head() throws -> LogHead {
        try self.environment.read { txn in try LogReader(databases: self.databases).head(in: txn) }
    }

    /// Walks the whole hash chain (see `ChainVerifier`).
    public func verify(against earlier: LogHead? = nil, chunkSize: Int = 10_000) throws -> VerificationReport {
        try ChainVerifier(environment: self.environment, databases: self.databases)
            .verify(against: earlier, chunkSize: chunkSize)
    }

    /// Rebuilds the projections from the log and compares them with the stored ones
    /// (`ProjectionReplay`).
    public func replay(maximumReported: Int = 20) throws -> ReplayReport {
        try ProjectionReplay(environment: self.environment, databases: self.databases).replay(maximumReported: maximumReported)
    }

    /// Closes the file; later reads fail.
    public func close() {
        self.environment.close()
    }
}
