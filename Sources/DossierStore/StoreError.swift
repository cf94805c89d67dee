import DossierCore
import LMDB

/// Why the store could not do what was asked, apart from domain rules (`DomainError`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stream's version did not match the append's expectation.
    case wrongExpectedVersion(stream: StreamID, expected: ExpectedVersion, actual: UInt64)
    /// The data directory holds a log of another format version.
    case unsupportedFormat(found: String, supported: String)
    /// The data directory holds an LMDB file that is not a Dossier log.
    case notADossierStore(path: String)
    /// Stored bytes do not decode or do not verify.
    case corrupted(String)
    /// `data.mdb` is empty but the data directory has been used (`others` are there too).
    case emptyLogFile(path: String, others: [String])
    /// The map reached its configured maximum size.
    case storageFull(maximumBytes: Int)
    /// The file system holding the log has no space left (or the user's quota is used up).
    case diskFull(path: String)
    /// Another process (a second daemon) holds the data directory.
    case dataDirectoryInUse(path: String, holder: String)
    /// The data directory does not exist and cannot be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The startup check found the log altered or damaged.
    case failedVerification(String)
    /// The writer is stopping and takes no more work.
    case shuttingDown
    /// An LMDB call failed.
    case storage(LMDBError)
    /// There is no log file at the path (an offline reader was pointed at the wrong place).
    case noLog(path: String)
    /// A command's decision broke the executor's contract (a programming error, not input).
    case invalidDecision(String)
    /// The write-ahead journal (`journal.wal`) cannot be used or does not belong to the log.
    case journal(String)

    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            return "stream \(stream) is at version \(actual), the request expected \(expected)"
        case .unsupportedFormat(let found, let supported):
            return "the data directory holds log format \(found), this dossierd reads \(supported); "
                + "run a dossierd that supports it, or restore a backup of the right format"
        case .notADossierStore(let path):
            return "\(path) holds an LMDB file that is not a Dossier log; point --data-dir at a Dossier data directory"
        case .corrupted(let what):
            return "the log is corrupted (\(what)); restore the last verified backup"
        case .emptyLogFile(let path, let others):
            return "the log file \(path) is empty (0 bytes), but \(others.joined(separator: ", ")) beside it show the "
                + "directory was used: the log is lost, not new; restore the last verified backup (docs/OPERATIONS.md, "
                + "Restore), or, if this is a first start, remove the directory's contents"
        case .storageFull(let maximum):
            return "the log reached its maximum size of \(maximum) bytes; raise store.max_map_size and restart"
        case .diskFull(let path):
            return "the disk holding \(path) is full; free space there (nothing was written for this request)"
        case .dataDirectoryInUse(let path, let holder):
            return "the data directory \(path) is in use by \(holder); stop that daemon first, or choose another --data-dir"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create the data directory \(path) (\(reason)); create it or choose another --data-dir"
        case .failedVerification(let what):
            return "the log fails verification (\(what)); restore the last verified backup "
                + "(docs/OPERATIONS.md), or start with store.verify_on_start = \"off\" to inspect it"
        case .shuttingDown:
            return "dossierd is shutting down; retry when it is back"
        case .storage(let error):
            return "storage failure: \(error)"
        case .noLog(let path):
            return "there is no log at \(path); give the data directory of a daemon, or a backup copy"
        case .invalidDecision(let what):
            return "internal error: \(what)"
        case .journal(let what):
            return "write-ahead journal: \(what) (docs/OPERATIONS.md, The journal)"
        }
    }
}
