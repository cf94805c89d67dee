import DossierCore
import Foundation
import LMDB
import Logging

/// What a hot backup wrote and what checking it found.
public struct BackupReport: Sendable, Hashable {
    /// The directory that holds the copy (`data.mdb`).
    public var path: String
    /// Events in the copy, as counted by walking its hash chain.
    public var events: UInt64
    /// The copy's head as recomputed from its events.
    public var head: LogHead
    /// The copy's hash chain runs unbroken from the first event to its stored head.
    public var isIntact: Bool
    /// The first problem the check found, when not intact.
    public var failure: String?
    /// Size of the copy's `data.mdb`.
    public var bytes: Int
    /// Time spent copying and checking.
    public var seconds: Double
}

/// Why a backup could not be written. The destination errors are the operator's to fix.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The destination is not an absolute path.
    case notAbsolute(path: String)
    /// The destination exists and is not a directory.
    case notADirectory(path: String)
    /// The destination directory exists and holds files.
    case notEmpty(path: String)
    /// The destination cannot be created (its parent is missing or not writable).
    case cannotCreate(path: String, reason: String)
    /// The copy itself failed, e.g. the disk filled up; the partial copy was removed.
    case copyFailed(path: String, reason: String)

    public var path: String {
        switch self {
        case .notAbsolute(let path), .notADirectory(let path), .notEmpty(let path), .cannotCreate(let path, _),
            .copyFailed(let path, _):
            return path
        }
    }

    /// The destination was wrong, not the daemon.
    public var isDestinationProblem: Bool {
        if case .copyFailed = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .notAbsolute(let path):
            return "the backup path \(path) is not absolute; give a full path"
        case .notADirectory(let path):
            return "the backup path \(path) exists and is not a directory; choose a new or empty directory"
        case .notEmpty(let path):
            return "the backup directory \(path) is not empty; choose a new or empty directory"
        case .cannotCreate(let path, let reason):
            return "cannot create the backup directory \(path) (\(reason)); create it or choose another path"
        case .copyFailed(let path, let reason):
            return "the copy to \(path) failed (\(reason)); the partial copy was removed"
        }
    }
}

extension DossierStore {
    /// Writes a compacted, consistent copy of the log into `path` while writes go on, then
    /// opens the copy and walks its hash chain.
    ///
    /// The copy is LMDB's `mdb_env_copy2` with `MDB_CP_COMPACT`: one read transaction sees a
    /// snapshot of the whole environment and writes only its live pages, so the copy holds
    /// every event committed before it started and none after, and is usually smaller than the
    /// original file. Writers are not blocked; a map resize waits until the copy ends.
    ///
    /// The copy and the check take time proportional to the log's size; they run on a
    /// dispatch queue, not on the caller's executor.
    ///
    /// - Parameters:
    ///   - path: an absolute path to a new directory (created with mode 0700) or an empty one.
    ///   - logger: where the check of the copy logs its warnings.
    /// - Throws: `BackupError` when the destination is unusable or the copy fails; errors of
    ///   opening the copy (`StoreError`) when the copy is unreadable.
    public func backup(to path: String, logger: Logger) async throws -> BackupReport {
        let started = DispatchTime.now().uptimeNanoseconds
        try await Self.offload { try self.copy(to: path) }

        // Check the copy as a restore would see it: open it as a store and walk the chain.
        var configuration = self.configuration
        configuration.dataDirectory = path
        configuration.maximumBatchSize = 1
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let copy = try await Self.offload { [configuration, quiet] in
            try DossierStore(configuration: configuration, policy: self.policy, logger: quiet)
        }
        let report: VerificationReport
        do {
            report = try await Self.offload { try copy.verify() }
        } catch {
            await copy.shutdown()
            throw error
        }
        await copy.shutdown()
        // The check created a lock file; a backup is the data file alone.
        try? FileManager.default.removeItem(atPath: path + "/lock.mdb")

        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/data.mdb")
        let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        return BackupReport(
            path: path, events: report.events, head: report.computedHead, isIntact: report.isIntact,
            failure: report.failure?.description, bytes: bytes,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Copies the environment into `path`, a new or empty directory.
    private func copy(to path: String) throws {
        let createdDirectory = try Self.prepareBackupDirectory(path)
        do {
            try self.environment.copy(to: path, compact: true)
        } catch {
            try? FileManager.default.removeItem(atPath: path + "/data.mdb")
            if createdDirectory { try? FileManager.default.removeItem(atPath: path) }
            throw BackupError.copyFailed(path: path, reason: Self.describe(error))
        }
    }

    /// Runs blocking work on a dispatch queue so that it holds no executor thread.
    private static func offload<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// Makes sure `path` is a new or empty directory; returns whether it was created here.
    private static func prepareBackupDirectory(_ path: String) throws(BackupError) -> Bool {
        guard path.hasPrefix("/") else { throw .notAbsolute(path: path) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(path: path) }
            let contents: [String]
            do {
                contents = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw .cannotCreate(path: path, reason: Self.describe(error))
            }
            guard contents.isEmpty else { throw .notEmpty(path: path) }
            return false
        }
        // Only the last component: a missing parent is more likely a typo than a wish.
        guard mkdir(path, 0o700) == 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        return true
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? LMDBError { return error.message }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return POSIXError(code).localizedDescription
        }
        return nsError.localizedDescription
    }
}
