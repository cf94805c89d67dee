import DossierStore
import Foundation
import Histogram

/// The workloads through the real daemon code: durable `customer.flag` commands (an event on
/// an existing customer stream plus its projection row) over the Unix socket.
struct DossierWorkloads {
    let configuration: BenchConfiguration
    var writePath: DossierStore.WritePath = .lmdb

    func run(into report: inout BenchReport) async throws {
        // Figures of the journal path get names of their own, so that both paths can be
        // compared in one report: dossier_32_clients_eps -> journal_32_clients_eps.
        var own = BenchReport()
        try await self.runOnDaemon(into: &own)
        for entry in own.entries {
            let key: String
            switch self.writePath {
            case .lmdb: key = entry.key
            case .journal:
                key = entry.key.hasPrefix("dossier_") ? "journal_" + entry.key.dropFirst("dossier_".count) : "journal_" + entry.key
            }
            report.record(key, entry.value, unit: entry.unit, note: entry.note)
        }
    }

    private func runOnDaemon(into report: inout BenchReport) async throws {
        let configuration = self.configuration
        let directory = "\(configuration.scratchDirectory)/dossier-bench-daemon-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        progress(configuration, "dossier: write path \(self.writePath.rawValue)")
        let daemon = try await InProcessDaemon(
            directory: directory, writePath: self.writePath, journalPageWrites: self.configuration.journalPageWrites)
        do {
            try await self.runAll(daemon, into: &report)
        } catch {
            await daemon.stop()
            throw error
        }
        await daemon.stop()
    }

    private func runAll(_ daemon: InProcessDaemon, into report: inout BenchReport) async throws {
        let configuration = self.configuration
        let detail = WorkloadData(streams: 1, payloadBytes: configuration.payloadBytes).detail
        let socket = daemon.socketPath

        progress(configuration, "dossier: registering \(configuration.streams) customers")
        try await Self.register(socket: socket, customers: configuration.streams)

        progress(configuration, "dossier: 1 client")
        let writerBeforeOne = daemon.store.statistics
        let one = try await ClosedLoopLoad.run(clients: 1, threads: 1, socket: socket, detail: detail, configuration)
        report.record("dossier_1_client_eps", one, note: Self.writerNote(from: writerBeforeOne, to: daemon.store.statistics))

        progress(configuration, "dossier: \(configuration.clients) clients")
        let headBefore = try daemon.store.head().sequence
        let writerBefore = daemon.store.statistics
        let writtenBefore = SystemCounters.writtenBytes()
        // Two load threads, as pgbench runs its 32 PostgreSQL clients (`-j 2`).
        let many = try await ClosedLoopLoad.run(
            clients: configuration.clients, threads: min(configuration.clients, 2), socket: socket, detail: detail,
            configuration)
        let appended = try daemon.store.head().sequence - headBefore
        let written = SystemCounters.writtenBytes() - writtenBefore
        report.record(
            "dossier_32_clients_eps", many, note: Self.writerNote(from: writerBefore, to: daemon.store.statistics))

        progress(configuration, "dossier: 1 client pipelining \(configuration.pipelineDepth)")
        report.record("dossier_pipelined_eps", try await Self.pipelined(socket: socket, detail: detail, configuration))

        report.record(
            "dossier_complaints_mixed_eps",
            try await ComplaintWorkload.run(socket: socket, store: daemon.store, clients: 8, configuration))
        progress(configuration, "dossier: mixed credit decisions (ratings, member limits in groups)")
        report.record("credit_mixed_eps", try await CreditWorkload(configuration: configuration).run(daemon.store))

        report.record(
            "follow_eps", try await AuditWorkloads.follow(socket: socket, store: daemon.store, detail: detail, configuration))

        progress(configuration, "dossier: import of a \(configuration.importRows)-row UCI file")
        let imported = try await ImportWorkload.run(socket: socket, rows: configuration.importRows, configuration)
        report.record("import_events_eps", imported.eventsPerSecond, note: imported.note)
        report.record("import_rows_per_s", imported.rowsPerSecond, unit: "rows/s")

        let stored = try daemon.store.head().sequence
        if stored < UInt64(configuration.storedEvents) {
            progress(configuration, "dossier: storing up to \(configuration.storedEvents) events")
            try await Self.fill(socket: socket, detail: detail, events: configuration.storedEvents - Int(stored), configuration)
        }

        progress(configuration, "dossier: customer.show latency under write load")
        let latency = try await Self.queryLatency(socket: socket, detail: detail, configuration)
        report.record("query_p50_us", Double(latency.valueAtPercentile(50)), unit: "µs")
        report.record("query_p99_us", Double(latency.valueAtPercentile(99)), unit: "µs")
        report.record("query_p999_us", Double(latency.valueAtPercentile(99.9)), unit: "µs")

        let events = try daemon.store.head().sequence
        let proofs = try await AuditWorkloads.proveLatency(socket: socket, events: events, configuration)
        report.record(
            "prove_us", Double(proofs.valueAtPercentile(99)), unit: "µs",
            note: "p99 of \(proofs.totalCount) inclusion proofs at \(events) events; p50 \(proofs.valueAtPercentile(50)) µs")

        progress(configuration, "dossier: replay of \(events) events")
        var started = Date()
        let replay = try daemon.store.replay()
        let replaySeconds = Date().timeIntervalSince(started)
        guard replay.matches else { throw BenchError.failed("replay differs: \(replay.mismatches.prefix(3))") }
        report.record("replay_eps", Double(replay.events) / replaySeconds)

        progress(configuration, "dossier: verification of \(events) events")
        started = Date()
        let verification = try daemon.store.verify()
        let verifySeconds = Date().timeIntervalSince(started)
        guard verification.isIntact else { throw BenchError.failed("verification failed: \(String(describing: verification.failure))") }
        report.record("verify_eps", Double(verification.events) / verifySeconds)

        report.record(
            "bytes_written_per_event", appended > 0 ? Double(written) / Double(appended) : 0, unit: "bytes",
            note: "during the \(configuration.clients)-client workload")
        report.record("events", Double(events), unit: "events")
        report.record("db_bytes", Double(SystemCounters.fileSize(daemon.dataDirectory + "/data.mdb")), unit: "bytes")
        // The file's size is the map's with journal_page_writes = "map": the pages in use say
        // how much the log and its projections take (and, on the journal path, what the
        // pinned checkpoints add).
        report.record("db_used_bytes", Double(daemon.store.storageInfo().usedBytes), unit: "bytes")
    }

    /// The writer's mean batch and commit time between two readings of its statistics.
    static func writerNote(from before: WriterStatistics, to after: WriterStatistics) -> String {
        let commits = after.commits - before.commits
        guard commits > 0 else { return "no commits" }
        let meanBatch = Double(after.committedJobs - before.committedJobs) / Double(commits)
        let meanCommitMs = Double(after.totalCommitNanoseconds - before.totalCommitNanoseconds) / Double(commits) / 1e6
        return String(format: "mean batch %.1f commands, mean commit %.2f ms", meanBatch, meanCommitMs)
    }

    static func register(socket: String, customers: Int) async throws {
        let results = await onThreads(1) { _ -> (any Error)? in
            do {
                var client = try LoadClient(socketPath: socket, detail: "", streams: 1, seed: 1)
                var index = 0
                try client.pipeline(count: customers, depth: 256) { _ in
                    defer { index += 1 }
                    return LoadClient.registerLine(index)
                }
                return nil
            } catch {
                return error
            }
        }
        if let error = results.compactMap({ $0 }).first { throw error }
    }

    /// One connection keeping `pipelineDepth` requests in flight.
    static func pipelined(socket: String, detail: String, _ configuration: BenchConfiguration) async throws -> Double {
        let start = Date()
        let results = await onThreads(1) { _ -> Result<Int, any Error> in
            Result {
                var client = try LoadClient(socketPath: socket, detail: detail, streams: configuration.streams, seed: 7)
                var done = 0
                while Date().timeIntervalSince(start) < configuration.seconds {
                    try client.pipeline(count: 1000, depth: configuration.pipelineDepth) { $0.flagLine() }
                    done += 1000
                }
                return done
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        return Double(try results.map { try $0.get() }.reduce(0, +)) / elapsed
    }

    /// Appends `events` more events quickly (several pipelining connections).
    static func fill(socket: String, detail: String, events: Int, _ configuration: BenchConfiguration) async throws {
        let connections = 4
        let results = await onThreads(connections) { index -> (any Error)? in
            do {
                var client = try LoadClient(
                    socketPath: socket, detail: detail, streams: configuration.streams, seed: UInt64(index + 500))
                try client.pipeline(count: events / connections + (index < events % connections ? 1 : 0), depth: 256) {
                    $0.flagLine()
                }
                return nil
            } catch {
                return error
            }
        }
        if let error = results.compactMap({ $0 }).first { throw error }
    }

    /// `customer.show` latencies from one client while four pipelining writers keep the writer busy.
    static func queryLatency(socket: String, detail: String, _ configuration: BenchConfiguration) async throws
        -> Histogram<UInt64>
    {
        let start = Date()
        let writers = 4
        let results = await onThreads(writers + 1) { index -> Result<Histogram<UInt64>?, any Error> in
            Result {
                var client = try LoadClient(
                    socketPath: socket, detail: detail, streams: configuration.streams, seed: UInt64(index + 900))
                if index < writers {
                    while Date().timeIntervalSince(start) < configuration.seconds {
                        try client.pipeline(count: 200, depth: 16) { $0.flagLine() }
                    }
                    return nil
                }
                var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
                while Date().timeIntervalSince(start) < configuration.seconds {
                    let line = client.showLine()
                    let sent = DispatchTime.now().uptimeNanoseconds
                    try client.call(line)
                    _ = histogram.record((DispatchTime.now().uptimeNanoseconds - sent) / 1000)
                }
                return histogram
            }
        }
        guard let histogram = try results.compactMap({ try $0.get() }).first else {
            throw BenchError.failed("no latency recorded")
        }
        return histogram
    }
}
