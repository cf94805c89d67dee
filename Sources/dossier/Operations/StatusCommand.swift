import ArgumentParser
import DossierClient
import DossierProtocol
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's uptime, log head, storage, connections, writer and request latencies (system.status).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            try connection.call(Method.status, NoParams(), as: StatusResult.self)
        } render: { Rendering.status($0) }
    }
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Print the daemon's metrics in the Prometheus text format (system.metrics).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            try connection.call(Method.metrics, NoParams(), as: MetricsResult.self)
        } render: { result in
            // The exposition ends in a newline already; print adds another.
            result.text.hasSuffix("\n") ? String(result.text.dropLast()) : result.text
        }
    }
}

extension Rendering {
    static func status(_ status: StatusResult) -> String {
        let storage = status.storage
        let writer = status.writer
        let mapUse = storage.mapBytes > 0 ? 100 * Double(storage.usedBytes) / Double(storage.mapBytes) : 0
        var pairs: [(String, String)] = [
            ("server", "\(status.server) \(status.version), up \(Self.duration(status.uptimeSeconds)) (since \(status.startedAt.iso8601))"),
            ("data", status.dataDir),
            ("log", "\(status.events) events, head \(status.head.hash)"),
            (
                "storage",
                "file \(ByteCount.format(storage.fileBytes)), used \(ByteCount.format(storage.usedBytes)) of map "
                    + "\(ByteCount.format(storage.mapBytes)) (\(String(format: "%.1f", mapUse))%), "
                    + "max \(ByteCount.format(storage.maxMapBytes))"
            ),
            ("reader slots", "\(storage.readers) taken of \(storage.maxReaders)"),
            ("clients", "\(status.connections) connected"),
            (
                "writer",
                "\(writer.commits) commits, \(writer.committedJobs) writes committed, \(writer.failedJobs) refused, "
                    + "mean commit \(String(format: "%.2f", writer.meanCommitMs)) ms, largest batch \(writer.largestBatch)"
            ),
        ]
        if writer.syncs > 0 { pairs.append(("flushes", "\(writer.syncs) outside commits")) }
        pairs.append(("clock", Self.clock(status.clock)))
        if !writer.batchSizes.isEmpty {
            let buckets = writer.batchSizes.map { bucket in
                let range =
                    bucket.max.map { $0 == bucket.min ? "\(bucket.min)" : "\(bucket.min)-\($0)" } ?? "\(bucket.min)+"
                return "\(range): \(bucket.commits)"
            }
            pairs.append(("batch sizes", buckets.joined(separator: "  ")))
        }
        var text = TextTable.details(pairs)
        if status.requests.isEmpty {
            text += "\n\nno requests yet"
        } else {
            let format = { (milliseconds: Double) in String(format: "%.2f", milliseconds) }
            let table = TextTable(
                headers: ["METHOD", "REQUESTS", "ERRORS", "P50 MS", "P90 MS", "P99 MS", "MAX MS"],
                rows: status.requests.map {
                    [
                        $0.method, String($0.count), String($0.errors), format($0.p50Ms), format($0.p90Ms),
                        format($0.p99Ms), format($0.maxMs),
                    ]
                })
            text += "\n\n" + table.render()
        }
        return text
    }

    /// Whether the wall clock stepped back behind the log, and how far.
    static func clock(_ clock: ClockStatus) -> String {
        let time = clock.logTime.map { "log time \($0.iso8601)" } ?? "no events yet"
        guard clock.stepsBack > 0 else { return "\(time), wall clock never behind it" }
        let state = clock.holding ? "holding now until the wall clock catches up" : "caught up"
        return "\(time); wall clock stepped back \(clock.stepsBack) time(s), at most "
            + "\(Self.duration(Double(clock.largestStepBackMs) / 1000)); \(state)"
    }

    /// 45 s, 12 min 3 s, 5 h 2 min, 3 d 4 h.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        let (days, hours, minutes, rest) = (total / 86400, total % 86400 / 3600, total % 3600 / 60, total % 60)
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min \(rest) s" }
        return String(format: "%.1f s", seconds)
    }
}
