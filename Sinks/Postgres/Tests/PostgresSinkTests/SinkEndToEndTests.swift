import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import PostgresNIO
import Testing

/// The sink as an operator runs it: a real dossierd on a temporary socket, events written with
/// the real `dossier` client and over the wire, the `dossier-pg-sink` executable, and a real
/// PostgreSQL (scripts/lib/postgres.sh). Serialized: each test times its own runs, and the
/// machine has two cores.
@Suite("dossier-pg-sink against a real dossierd and PostgreSQL", .serialized, .timeLimit(.minutes(2)))
struct SinkEndToEndTests {
    /// A catch-up run copies every event with the log's hashes, ends on the log's head, and
    /// folds the customers; a second run finds the replica matching the Merkle tree and adds nothing.
    @Test func aCatchUpRunCopiesTheLogAndItsProjections() async throws {
        try SinkTestEnvironment.requireDaemon()
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            for arguments in [
                ["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"],
                ["customer", "add", "c2", "--name", "Bo Li", "--kind", "individual"],
                ["customer", "flag", "c1", "--kind", "high_debt_ratio", "--source", "bureau"],
                ["customer", "stage", "c1", "--to", "active", "--reason", "promoted"],
                [
                    "complaint", "file", "--customer", "c2", "--type", "service", "--channel", "phone", "--level", "L3",
                    "--subject", "card fees",
                ],
            ] {
                let output = try await onThread { try daemon.cli(arguments) }
                try #require(output.status == 0, "dossier \(arguments): \(output.stderr)")
            }
            try await SinkTestEnvironment.register(daemon, count: 200, prefix: "r")
            try await TestDatabase.with { database in
                let run = try await onThread { try SinkProcess.catchUp(daemon, database) }
                try #require(run.status == 0, "\(run.stderr)")
                let head = try await SinkTestEnvironment.head(daemon)
                #expect(head.sequence == 205)
                let checkpoint = try await database.checkpoint()
                #expect(checkpoint.sequence == head.sequence && checkpoint.hash == head.hash)
                let log = try await SinkTestEnvironment.logHashes(daemon)
                let replica = try await database.eventHashes()
                #expect(replica.map(\.0) == log.map(\.0) && replica.map(\.1) == log.map(\.1))

                let c1 = try await database.rows(
                    "SELECT name, kind, stage, open_flags, last_sequence FROM dossier_customers WHERE customer = 'c1'")
                let (name, kind, stage, flags, last) = try #require(c1.first).decode((String, String, String, Int?, Int64).self)
                #expect(name == "Acme Ltd" && kind == "corporate" && stage == "active" && flags == 1 && last == 4)
                let customers = try await database.rows("SELECT count(*) FROM dossier_customers").first?.decode(Int64.self)
                #expect(customers == 202)
                let complaint = try await database.rows(
                    "SELECT customer, level, subject, status, respond_by IS NOT NULL FROM dossier_complaints")
                #expect(complaint.count == 1)
                let (customer, level, subject, status, hasDeadline) = try #require(complaint.first)
                    .decode((String?, String, String, String, Bool).self)
                #expect(customer == "c2" && level == "L3" && subject == "card fees" && status == "received" && hasDeadline)
                let data = try await database.rows("SELECT data->>'name' FROM dossier_events WHERE sequence = 1").first?
                    .decode(String.self)
                #expect(data == "Acme Ltd")

                // Again: the full check passes and there is nothing to add.
                let again = try await onThread { try SinkProcess.catchUp(daemon, database) }
                #expect(again.status == 0, "\(again.stderr)")
                #expect(again.stderr.contains("matches the log's Merkle tree"), "\(again.stderr)")
                #expect(try await database.eventHashes().count == 205)
            }
        }
    }

    /// `kill -9` of a following sink mid-stream, writes while it is down, a restart that follows
    /// live writes: every event exactly once, and the replica ends on the log's head hash.
    @Test func aKill9MidStreamLosesAndDuplicatesNothing() async throws {
        try SinkTestEnvironment.requireDaemon()
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let written = ContinuousClock.now
            try await SinkTestEnvironment.register(daemon, count: 3000, prefix: "a")
            print("sink e2e: wrote 3000 events in \(ContinuousClock.now - written)")
            try await TestDatabase.with { database in
                let log = directory.appending("sink.log")
                // Small batches, so that the kill lands between many commits.
                let first = try SinkProcess.start(daemon, database, log: log, ["--batch", "7"])
                let started = ContinuousClock.now
                let reached = try await Self.waitFor(database, atLeast: 700, sink: first)
                try #require(reached >= 700, "the sink applied \(reached) events; log:\n\(Self.read(log))")
                SinkProcess.kill9(first)
                let killed = try await database.checkpoint()
                let stored = try await database.eventHashes()
                print("sink e2e: killed at event \(killed.sequence), \(ContinuousClock.now - started) after start")
                #expect(killed.sequence < 3000, "the kill came after the end; make the test's log longer")
                // What the kill left is whole: the checkpoint covers exactly the rows committed.
                #expect(stored.map(\.0) == Array(1...killed.sequence))
                #expect(stored.last?.1 == killed.hash)

                try await SinkTestEnvironment.register(daemon, count: 500, prefix: "b")
                let second = try SinkProcess.start(daemon, database, log: log)
                defer { SinkProcess.kill9(second) }
                let resumed = ContinuousClock.now
                try await SinkTestEnvironment.register(daemon, count: 200, prefix: "c")
                let end = try await Self.waitFor(database, atLeast: 3700, sink: second)
                let elapsed = ContinuousClock.now - resumed
                try #require(end == 3700, "the sink reached \(end) of 3700; log:\n\(Self.read(log))")
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print(
                    "sink e2e: resumed at \(killed.sequence + 1), at the head (3700) \(elapsed) later: "
                        + "\(Int(Double(3700 - killed.sequence) / seconds)) events/s with live writes")

                let head = try await SinkTestEnvironment.head(daemon)
                let checkpoint = try await database.checkpoint()
                #expect(checkpoint.sequence == head.sequence && checkpoint.hash == head.hash)
                let logHashes = try await SinkTestEnvironment.logHashes(daemon)
                let replica = try await database.eventHashes()
                #expect(replica.map(\.0) == Array(1...3700))
                #expect(replica.map(\.1) == logHashes.map(\.1))
                let customers = try await database.rows("SELECT count(*) FROM dossier_customers").first?.decode(Int64.self)
                #expect(customers == 3700)
            }
        }
    }

    /// A hash changed or a row deleted in PostgreSQL: the next run refuses (exit 65) and applies nothing.
    @Test func aReplicaWhoseRowsDifferFromTheLogIsRefused() async throws {
        try SinkTestEnvironment.requireDaemon()
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try await SinkTestEnvironment.register(daemon, count: 20, prefix: "a")
            try await TestDatabase.with { database in
                let run = try await onThread { try SinkProcess.catchUp(daemon, database) }
                try #require(run.status == 0, "\(run.stderr)")
                try await SinkTestEnvironment.register(daemon, count: 5, prefix: "b")

                _ = try await database.rows("UPDATE dossier_events SET hash = repeat('ab', 32) WHERE sequence = 7")
                let tampered = try await onThread { try SinkProcess.catchUp(daemon, database) }
                #expect(tampered.status == 65, "\(tampered.stderr)")
                #expect(tampered.stderr.contains("Merkle root"), "\(tampered.stderr)")
                #expect(try await database.checkpoint().sequence == 20)

                _ = try await database.rows("DELETE FROM dossier_events WHERE sequence = 20")
                let deleted = try await onThread { try SinkProcess.catchUp(daemon, database) }
                #expect(deleted.status == 65, "\(deleted.stderr)")
                #expect(deleted.stderr.contains("dossier_checkpoint says 20"), "\(deleted.stderr)")
                #expect(try await database.checkpoint().sequence == 20)
            }
        }
    }

    /// The replica pointed at another daemon (another log of the same length and more): the
    /// resume finds another hash at the checkpoint and refuses, with either check at start.
    @Test func aReplicaResumedAgainstAnotherLogIsRefused() async throws {
        try SinkTestEnvironment.requireDaemon()
        try await withTemporaryDirectory { first in
            try await withTemporaryDirectory { second in
                let daemon = DaemonProcess(directory: first)
                let other = DaemonProcess(directory: second)
                try daemon.start()
                defer { daemon.stop() }
                try other.start()
                defer { other.stop() }
                try await SinkTestEnvironment.register(daemon, count: 10, prefix: "a")
                try await SinkTestEnvironment.register(other, count: 15, prefix: "b")
                try await TestDatabase.with { database in
                    let run = try await onThread { try SinkProcess.catchUp(daemon, database) }
                    try #require(run.status == 0, "\(run.stderr)")
                    // `head`: the stream's anchor at the checkpoint; `full`: the Merkle root before it.
                    for (verify, says) in [("head", "at sequence 10"), ("full", "serves another node's log")] {
                        let refused = try await onThread { try SinkProcess.catchUp(other, database, ["--verify", verify]) }
                        #expect(refused.status == 65, "--verify \(verify): \(refused.stderr)")
                        #expect(refused.stderr.contains(says), "--verify \(verify): \(refused.stderr)")
                    }
                    #expect(try await database.checkpoint().sequence == 10)
                    #expect(try await database.eventHashes().count == 10)
                }
            }
        }
    }

    /// Two sinks for one source and database: the second is refused while the first runs.
    @Test func aSecondSinkForTheSameSourceIsRefused() async throws {
        try SinkTestEnvironment.requireDaemon()
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try await SinkTestEnvironment.register(daemon, count: 3, prefix: "a")
            try await TestDatabase.with { database in
                let first = try SinkProcess.start(daemon, database, log: directory.appending("sink.log"))
                defer { SinkProcess.kill9(first) }
                #expect(try await Self.waitFor(database, atLeast: 3, sink: first) == 3)
                let second = try await onThread { try SinkProcess.catchUp(daemon, database) }
                #expect(second.status == 75, "\(second.stderr)")
                #expect(second.stderr.contains("another sink"), "\(second.stderr)")
            }
        }
    }

    /// Polls the checkpoint until it reaches `target`, `seconds` pass or `sink` exits; returns
    /// where it stands.
    static func waitFor(
        _ database: TestDatabase, atLeast target: UInt64, seconds: Int = 60, sink: Process? = nil
    ) async throws -> UInt64 {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var sequence: UInt64 = 0
        while ContinuousClock.now < deadline && sink?.isRunning != false {
            // The tables appear once the sink has started.
            sequence = (try? await database.checkpoint().sequence) ?? 0
            if sequence >= target { return sequence }
            try await Task.sleep(for: .milliseconds(20))
        }
        return sequence
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
}
