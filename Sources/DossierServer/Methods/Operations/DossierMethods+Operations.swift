import DossierCore
import DossierProtocol
import DossierStore
import Foundation
import Logging

/// The operations methods: `system.status`, `system.metrics`, `admin.backup`.
extension DossierMethods {
    static func registerOperations(
        on router: inout RequestRouter, store: DossierStore, monitor: ServerMonitor, serverVersion: String
    ) {
        router.observer = monitor

        router.query(Method.status, .quick) { (_: NoParams, _) in
            try Self.status(store: store, monitor: monitor, serverVersion: serverVersion)
        }

        router.query(Method.metrics, .quick) { (_: NoParams, _) in
            try Self.refreshGauges(store: store, monitor: monitor)
            return MetricsResult(text: monitor.registry.emitToString())
        }

        router.asyncQuery(Method.backup) { (params: BackupParams, context) in
            context.logger.notice("backup started", metadata: ["backup.path": "\(params.path)"])
            let report: BackupReport
            do {
                report = try await store.backup(to: params.path, logger: context.logger)
            } catch let error as BackupError {
                throw Self.wireError(for: error, logger: context.logger)
            }
            let level: Logger.Level = report.isIntact ? .notice : .error
            context.logger.log(
                level: level, "backup written",
                metadata: [
                    "backup.path": "\(report.path)", "backup.events": "\(report.events)",
                    "backup.bytes": "\(report.bytes)", "backup.intact": "\(report.isIntact)",
                    "backup.seconds": "\(String(format: "%.3f", report.seconds))",
                ])
            return BackupResult(
                path: report.path, events: report.events,
                head: HeadResult(sequence: report.head.sequence, hash: report.head.hashHex), intact: report.isIntact,
                failure: report.failure, bytes: report.bytes, seconds: report.seconds)
        }
    }

    static func status(store: DossierStore, monitor: ServerMonitor, serverVersion: String) throws -> StatusResult {
        let head = try store.head()
        let info = store.storageInfo()
        let statistics = store.statistics
        let fileAttributes = try? FileManager.default.attributesOfItem(
            atPath: store.configuration.dataDirectory + "/data.mdb")
        let uptime = monitor.uptime.components
        return StatusResult(
            server: "dossierd", version: serverVersion, startedAt: monitor.startedAt,
            uptimeSeconds: ((Double(uptime.seconds) + Double(uptime.attoseconds) / 1e18) * 1000).rounded() / 1000,
            dataDir: store.configuration.dataDirectory, events: head.sequence,
            head: HeadResult(sequence: head.sequence, hash: head.hashHex),
            storage: StorageStatus(
                fileBytes: (fileAttributes?[.size] as? NSNumber)?.intValue ?? 0, usedBytes: info.usedBytes,
                mapBytes: info.mapSize, maxMapBytes: store.configuration.maximumMapSize, readers: info.readersInUse,
                maxReaders: info.maxReaders),
            connections: monitor.connectionCount,
            writer: Self.writerStatus(statistics),
            requests: monitor.requestLatencies(),
            clock: Self.clockStatus(store.clockStatus))
    }

    static func clockStatus(_ clock: LogClock) -> ClockStatus {
        ClockStatus(
            logTime: clock.lastRecordedAt.rawValue == Int64.min ? nil : clock.lastRecordedAt, stepsBack: clock.stepsBack,
            largestStepBackMs: clock.largestStepBackMilliseconds, holding: clock.isHolding)
    }

    static func writerStatus(_ statistics: WriterStatistics) -> WriterStatus {
        let lastBucket = statistics.batchSizeBuckets.count - 1
        let buckets = statistics.batchSizeBuckets.enumerated().compactMap { index, commits -> BatchSizeBucket? in
            guard commits > 0 else { return nil }
            return BatchSizeBucket(min: 1 << index, max: index == lastBucket ? nil : (2 << index) - 1, commits: commits)
        }
        let meanNanoseconds =
            statistics.commits == 0 ? 0 : Double(statistics.totalCommitNanoseconds) / Double(statistics.commits)
        return WriterStatus(
            commits: statistics.commits, committedJobs: statistics.committedJobs, failedJobs: statistics.failedJobs,
            largestBatch: statistics.largestBatch,
            meanCommitMs: ServerMonitor.milliseconds(meanNanoseconds), batchSizes: buckets, syncs: statistics.syncs)
    }

    /// Sets the gauges that are read, not counted, just before the registry is rendered.
    static func refreshGauges(store: DossierStore, monitor: ServerMonitor) throws {
        let head = try store.head()
        let info = store.storageInfo()
        monitor.logEvents.set(Int64(clamping: head.sequence))
        monitor.mapUsedBytes.set(Int64(info.usedBytes))
        monitor.mapBytes.set(Int64(info.mapSize))
        monitor.openConnections.set(Int64(monitor.connectionCount))
    }

    static func wireError(for error: BackupError, logger: Logger) -> WireError {
        let details: [String: JSONValue] = ["field": .string("path"), "path": .string(error.path)]
        if error.isDestinationProblem {
            return WireError(code: .badRequest, message: error.description, details: details)
        }
        // The daemon could not write the copy (disk full, I/O error): the operator's to fix, and
        // the reason is no secret to an admin, so it is in the message as well as the log.
        let incident = UUID().uuidString.lowercased()
        logger.error("backup failed", metadata: ["incident": "\(incident)", "error": "\(error)"])
        return WireError(
            code: .internal, message: error.description,
            details: details.merging(["incident": .string(incident)]) { $1 })
    }
}
