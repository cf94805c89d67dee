import DossierCore
import Foundation
import LMDB
import Logging
#if canImport(Glibc)
import Glibc
#endif

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

extension DossierStore {
    /// Writes a compacted, consistent copy of the log into `path` while writes go on, then
    /// checks the copy's hash chain, reading it without a lock file and without writing to it.
    ///
    /// The copy is LMDB's `mdb_env_copyfd2` with `MDB_CP_COMPACT`: one read transaction sees a
    /// snapshot of the whole environment and writes only its live pages, so the copy holds
    /// every event committed before it started and none after. Writers are not blocked, and
    /// neither are other reads; a map resize waits until the copy ends, so the map is first
    /// grown to leave room for the writes that go on meanwhile (`backupMapHeadroom`).
    ///
    /// The copy goes to a file this call creates (`BackupDestination`: a new directory of
    /// mode 0700, or an empty one of the daemon's user with mode 0700; `O_EXCL | O_NOFOLLOW`;
    /// mode 0600). The copy and the check take time proportional to the log's size; they run
    /// on a dispatch queue, not on the caller's executor.
    ///
    /// - Parameters:
    ///   - path: an absolute path to a new directory (its parent must exist) or an empty one.
    ///   - logger: where the check of the copy logs its warnings.
    /// - Throws: `BackupError` when the destination is unusable or the copy fails; errors of
    ///   opening the copy (`StoreError`) when the copy is unreadable.
    public func backup(to path: String, logger: Logger) async throws -> BackupReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let destination = try BackupDestination(path: path)
        do {
            let report = try await Self.offload { try self.copyAndVerify(into: destination) }
            let attributes = try? FileManager.default.attributesOfItem(atPath: destination.dataFileThroughDescriptor)
            return BackupReport(
                path: path, events: report.events, head: report.computedHead, isIntact: report.isIntact,
                failure: report.failure?.description, bytes: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        } catch {
            destination.discard()
            throw error
        }
    }

    /// Room left in the map before a copy starts: a resize cannot happen while it runs.
    static func backupMapHeadroom(usedBytes: Int) -> Int { max(256 << 20, usedBytes / 2) }

    private func copyAndVerify(into destination: BackupDestination) throws -> VerificationReport {
        let file = try destination.createDataFile()
        do {
            try self.environment.reserveMapSpace(Self.backupMapHeadroom(usedBytes: self.environment.info().usedBytes))
            try self.environment.copy(toDescriptor: file, compact: true)
            guard fsync(file) == 0 else { throw BackupError.copyFailed(path: destination.path, reason: Self.lastError()) }
            close(file)
        } catch let error as BackupError {
            close(file)
            throw error
        } catch {
            close(file)
            throw BackupError.copyFailed(path: destination.path, reason: Self.describe(error))
        }
        destination.syncDirectory()
        // Check the copy as a restore would read it, without writing a byte next to it.
        let copy = try ReadOnlyLog(dataFile: destination.dataFileThroughDescriptor)
        defer { copy.close() }
        return try copy.verify()
    }

    /// Runs blocking work on a dispatch queue so that it holds no executor thread.
    private static func offload<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? LMDBError { return error.message }
        return "\(error)"
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
