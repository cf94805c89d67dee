import DossierCore
import Foundation
import LMDB
import Logging
import ServiceLifecycle

extension DossierStore {
    /// Whether commits leave data to flush later (`meta_async`, `none`).
    var leavesCommitsUnflushed: Bool { self.configuration.durability != .full }

    /// Until graceful shutdown, flushes every `syncIntervalMilliseconds` what commits left
    /// unflushed: `meta_async` then loses at most that much time's commits to a power cut,
    /// `none` too (instead of everything since the kernel last wrote back on its own).
    func syncPeriodically() async {
        let interval = self.configuration.syncIntervalMilliseconds
        guard self.leavesCommitsUnflushed, interval > 0 else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(interval)) }
            self.syncUnflushedCommits()
        }
    }

    /// Flushes data and meta pages when the durability mode left some unflushed; logs a failure
    /// (the next commit or flush tries again).
    func syncUnflushedCommits() {
        guard self.leavesCommitsUnflushed else { return }
        do {
            try self.environment.sync(force: true)
            self.recordSync()
        } catch let error as LMDBError where error.code == .environmentClosed {
            return
        } catch {
            Self.writeFailureLog { suppressed in
                var metadata: Logger.Metadata = ["error": "\(error)"]
                if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
                self.logger.error("flushing the log failed", metadata: metadata)
            }
        }
    }

    /// The time for the next batch: the wall clock, held at the last event's time while the
    /// wall clock is behind it (see `LogClock`). Called on the writer thread only.
    func nextRecordedAt() -> Timestamp {
        let wall = self.wallClock()
        let (recordedAt, startedHolding) = self.logClock.withLock { clock in
            let wasHolding = clock.isHolding
            let next = clock.next(wall: wall)
            return (next, clock.isHolding && !wasHolding)
        }
        if startedHolding {
            // Once per step, not per batch: while it holds, every batch would say the same.
            self.logger.warning(
                "the wall clock went back behind the log; log time holds until it catches up",
                metadata: [
                    "clock.wall": "\(wall.iso8601)", "clock.log": "\(recordedAt.iso8601)",
                    "clock.behind_ms": "\(recordedAt.rawValue - wall.rawValue)",
                ])
        }
        return recordedAt
    }

    /// The `recordedAt` of the log's last event (the epoch for an empty log).
    static func lastRecordedAt(_ environment: Environment, _ reader: LogReader) throws -> Timestamp {
        try environment.read { txn in
            let head = try reader.head(in: txn)
            guard head.sequence > 0, let last = try reader.event(at: head.sequence, in: txn) else {
                return Timestamp(rawValue: Int64.min)
            }
            return last.recordedAt
        }
    }
}
