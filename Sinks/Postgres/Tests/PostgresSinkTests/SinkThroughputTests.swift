import DossierTesting
import Foundation
import Testing

/// The sink's figures (docs/SCALING.md): catch-up rate over a large log, and how long a restart
/// after `kill -9` takes to apply again, with the full Merkle check at start. Opt-in, since it
/// takes minutes: `DOSSIER_SINK_BENCH_EVENTS=200000 scripts/test-sinks --filter SinkThroughput`.
@Suite(
    "dossier-pg-sink throughput (DOSSIER_SINK_BENCH_EVENTS)", .serialized,
    .enabled(if: SinkBench.events != nil), .timeLimit(.minutes(10)))
struct SinkThroughputTests {

    @Test func catchUpAndResumeAfterKill9() async throws {
        try SinkTestEnvironment.requireDaemon()
        let count = try #require(SinkBench.events)
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            // Customers registered over the wire (each event also a row of dossier_customers). Not
            // TestStore.createLog: its raw appends leave no Merkle tree, which the full check reads.
            let written = ContinuousClock.now
            try await SinkTestEnvironment.register(daemon, count: count, clients: 16, prefix: "c")
            print("sink bench: wrote \(count) events with 16 clients in \(ContinuousClock.now - written)")
            try await TestDatabase.with { database in
                let log = directory.appending("sink.log")
                let started = ContinuousClock.now
                let first = try SinkProcess.start(daemon, database, log: log)
                let half = UInt64(count / 2)
                let reached = try await SinkEndToEndTests.waitFor(database, atLeast: half, seconds: 240, sink: first)
                let halfway = ContinuousClock.now - started
                SinkProcess.kill9(first)
                let killed = try await database.checkpoint().sequence
                try #require(reached >= half, "log:\n\(SinkEndToEndTests.read(log))")

                let restarted = ContinuousClock.now
                let second = try SinkProcess.start(daemon, database, log: log)
                defer { SinkProcess.kill9(second) }
                let moved = try await SinkEndToEndTests.waitFor(database, atLeast: killed + 1, seconds: 120, sink: second)
                let resumeTime = ContinuousClock.now - restarted
                let end = try await SinkEndToEndTests.waitFor(database, atLeast: UInt64(count), seconds: 240, sink: second)
                let rest = ContinuousClock.now - restarted
                try #require(moved > killed && end == UInt64(count), "log:\n\(SinkEndToEndTests.read(log))")
                let replica = try await database.eventHashes()
                #expect(replica.map(\.0) == Array(1...UInt64(count)))
                print(
                    """
                    sink bench: \(count) events; first run to \(killed) (kill -9) in \(halfway): \
                    \(Self.rate(killed, halfway)) events/s; restart with --verify full over \(killed) stored \
                    hashes applied its first batch \(resumeTime) after start; the remaining \(UInt64(count) - killed) \
                    in \(rest): \(Self.rate(UInt64(count) - killed, rest)) events/s
                    """)
            }
        }
    }

    static func rate(_ events: UInt64, _ duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Int(Double(events) / seconds)
    }
}

/// The benchmark's size, apart from the suite: a suite's traits may not name the suite itself.
enum SinkBench {
    static var events: Int? { ProcessInfo.processInfo.environment["DOSSIER_SINK_BENCH_EVENTS"].flatMap { Int($0) } }
}
