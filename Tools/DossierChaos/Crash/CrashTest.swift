import DossierClient
import DossierCore
import DossierProtocol
import Foundation
import Synchronization

/// How a crash test runs; `dossier-crashtest --help` describes each option.
public struct CrashTestOptions: Sendable {
    public var runs = 5
    public var clients = 16
    public var seed: UInt64 = UInt64.random(in: 0...UInt64.max)
    public var dossierd = defaultDossierdPath()
    /// Keep the data directory and the daemon's log when a run fails.
    public var keep = false
    /// Requests one connection pipelines in the pipeline scenario.
    public var pipelineSize = 2000
    /// The kill comes at a random moment in this window after the workload starts.
    public var killWindowMilliseconds = 30...800

    public init() {}
}

/// What a run does while the daemon is killed under it.
public enum CrashScenario: String, CaseIterable, Sendable {
    /// Concurrent clients, each one request at a time.
    case clients
    /// One connection pipelining a large batch of writes without waiting for replies.
    case pipeline
    /// Concurrent clients while hot backups (`admin.backup`) run one after another.
    case backup
}

/// Kills a real `dossierd` with SIGKILL under load again and again on one data directory, and
/// after every restart proves that nothing acknowledged was lost: every acknowledged event is in
/// the log exactly once at the sequence its reply gave, the log has no gaps and no event nobody
/// sent, `audit.verify` passes, the projections equal a fold of the log, and writes work again.
public final class CrashTest {
    public let options: CrashTestOptions
    private let ledger = Ledger()
    private var rng: SplitMix64
    private let directory: String
    private let daemon: DaemonUnderTest
    private var baseCustomers: [String] = []
    private var scenarios: [CrashScenario] = [.clients, .pipeline]
    private var backupNote = ""

    public init(options: CrashTestOptions) throws {
        self.options = options
        self.rng = SplitMix64(seed: options.seed)
        self.directory = try makeTemporaryDirectory(prefix: "dossier-crash")
        self.daemon = DaemonUnderTest(executable: options.dossierd, directory: self.directory)
    }

    /// Runs every kill and prints a line per run and a final summary; true when all passed.
    public func run() -> Bool {
        ignoreBrokenPipes()
        print("crash-test: \(self.options.runs) runs, \(self.options.clients) clients, seed \(self.options.seed), "
            + "data \(self.directory), dossierd \(self.options.dossierd), "
            + "write path \(ProcessInfo.processInfo.environment["DOSSIERD_WRITE_PATH"] ?? "default")")
        var passed = 0
        var failed = 0
        var kills = 0
        do {
            try self.setUp()
            print("crash-test: scenarios \(self.scenarios.map(\.rawValue).joined(separator: ", "))\(self.backupNote)")
        } catch {
            print("crash-test: setup failed: \(error)")
            print("crash-test: 0 passed, \(self.options.runs) failed; 0 kills, 0 acknowledged events, 0 lost")
            self.finish(success: false)
            return false
        }
        var lostInAll = 0
        for run in 1...self.options.runs {
            let scenario = self.scenarios[(run - 1) % self.scenarios.count]
            let report = self.crashRun(run, scenario: scenario)
            kills += report.killed ? 1 : 0
            lostInAll = max(lostInAll, report.lost)
            if report.problems.isEmpty {
                passed += 1
            } else {
                failed += 1
            }
            print(report.line)
            for problem in report.problems.prefix(20) { print("  - \(problem)") }
            if report.fatal { break }
        }
        failed = self.options.runs - passed
        self.daemon.stop()
        let acknowledged = self.ledger.acknowledgements.count
        let refusals = self.ledger.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !refusals.isEmpty { print("crash-test: refused (by rules, as expected): \(refusals.joined(separator: ", "))") }
        print(
            "crash-test: \(passed) passed, \(failed) failed; \(kills) kills, \(acknowledged) acknowledged events, "
                + "\(lostInAll) lost (seed \(self.options.seed))")
        self.finish(success: failed == 0)
        return failed == 0
    }

    private func finish(success: Bool) {
        finishWorkingDirectory(self.directory, success: success, keep: self.options.keep, tool: "crash-test")
    }

    private func setUp() throws {
        try self.daemon.start()
        let connection = try self.daemon.connect()
        for index in 1...8 {
            let id = "base-\(index)"
            let requestID = self.rng.uuid()
            self.ledger.sent(requestID)
            let result = try connection.call(
                Method.registerCustomer, ValidRequests.register(id: id, requestID: requestID, using: &self.rng),
                as: CustomerResult.self)
            if let receipt = result.receipt { self.ledger.acknowledged(receipt, entity: .customer(id), run: 0) }
            self.baseCustomers.append(id)
        }
        let methods = try connection.call(Method.methods, NoParams(), as: MethodsResult.self)
        if methods.methods.contains(where: { $0.name == "admin.backup" }) {
            self.scenarios.append(.backup)
        } else {
            self.backupNote = " (no backup scenario: this dossierd has no admin.backup)"
        }
    }

    struct RunReport {
        var line: String
        var problems: [String]
        var killed: Bool
        var lost: Int
        /// The daemon does not come back: later runs cannot run.
        var fatal = false
    }

    private func crashRun(_ run: Int, scenario: CrashScenario) -> RunReport {
        let window = self.options.killWindowMilliseconds
        let delay = Int.random(in: window, using: &self.rng)
        let started = Date()
        var outcome: WorkloadOutcome
        switch scenario {
        case .clients:
            outcome = self.clientsUntilKilled(run: run, clients: self.options.clients, delay: delay)
        case .pipeline:
            let killAfter = Int.random(in: 1...max(1, self.options.pipelineSize * 3 / 4), using: &self.rng)
            outcome = CrashWorkloads.pipeline(
                count: self.options.pipelineSize, killAfterReplies: killAfter, run: run, daemon: self.daemon,
                ledger: self.ledger, customers: self.baseCustomers, seed: self.options.seed)
        case .backup:
            let backupDirectory = "\(self.directory)/backups"
            try? FileManager.default.createDirectory(
                atPath: backupDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let backups = Mutex(WorkloadOutcome())
            let done = DispatchSemaphore(value: 0)
            let daemon = self.daemon
            // The kill waits for one finished backup (to check after the restart) and then lands
            // at a random moment, most likely inside the next one: copies grow with the log.
            let firstBackup = DispatchSemaphore(value: 0)
            Thread {
                let outcome = CrashWorkloads.backups(
                    run: run, daemon: daemon, directory: backupDirectory, onFirstBackup: { firstBackup.signal() })
                backups.withLock { $0 = outcome }
                done.signal()
            }.start()
            outcome = self.clientsUntilKilled(
                run: run, clients: max(1, self.options.clients / 2), delay: delay,
                after: { _ = firstBackup.wait(timeout: .now() + 120) })
            done.wait()
            outcome.merge(backups.withLock { $0 })
        }
        let killedAfter = Int(Date().timeIntervalSince(started) * 1000)
        let killed = !self.daemon.isRunning
        self.daemon.kill9()

        var problems = outcome.problems
        let restartStarted = Date()
        do {
            try self.daemon.start()
        } catch {
            problems.append("restart failed: \(error)")
            return RunReport(
                line: "run \(run)/\(self.options.runs) \(scenario.rawValue): FAILED (no restart)", problems: problems,
                killed: killed, lost: 0, fatal: true)
        }
        let restartSeconds = Date().timeIntervalSince(restartStarted)

        var lost = 0
        var events = 0
        do {
            let check = try self.check(run: run, backups: outcome.completedBackups)
            problems += check.problems
            lost = check.lost
            events = check.events
        } catch {
            problems.append("checking the log failed: \(error)")
        }
        var backupText = ""
        if scenario == .backup {
            backupText = ", \(outcome.completedBackups.count) backups"
                + (outcome.backupInterrupted ? " + 1 cut off by the kill" : "")
        }
        let total = self.ledger.acknowledgements.count
        let line =
            "run \(run)/\(self.options.runs) \(scenario.rawValue): kill -9 after \(killedAfter) ms, "
            + "\(outcome.acknowledged) acknowledged (\(total) in all), \(lost) lost, log \(events) events\(backupText), "
            + String(format: "restart %.2f s: ", restartSeconds) + (problems.isEmpty ? "ok" : "FAILED")
        return RunReport(line: line, problems: problems, killed: killed, lost: lost)
    }

    /// Clients write until a killer thread sends SIGKILL `delay` milliseconds after `after` returns.
    private func clientsUntilKilled(
        run: Int, clients: Int, delay: Int, after: @escaping @Sendable () -> Void = {}
    ) -> WorkloadOutcome {
        let daemon = self.daemon
        let ledger = self.ledger
        let base = self.baseCustomers
        let seed = self.options.seed
        Thread {
            after()
            usleep(UInt32(delay) * 1000)
            daemon.kill9()
        }.start()
        return onThreads(clients) { client in
            CrashWorkloads.client(client, run: run, daemon: daemon, ledger: ledger, baseCustomers: base, seed: seed)
        }
    }

    /// Every check after a restart. Returns the problems, the acknowledged events missing from
    /// the log, and the log's length.
    private func check(run: Int, backups: [CompletedBackup]) throws -> (problems: [String], lost: Int, events: Int) {
        let connection = try self.daemon.connect()
        let audit = try LogAudit(reading: connection)
        let verify = try connection.call(Method.verify, NoParams(), as: VerifyResult.self)
        let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
        var problems = audit.structuralProblems(verify: verify, head: head)

        // Every acknowledged event is there, once, where its reply said.
        var lost = 0
        for acknowledgement in self.ledger.acknowledgements {
            guard let event = audit.eventsByID[acknowledgement.eventID] else {
                lost += 1
                if lost <= 5 {
                    problems.append("lost: event \(acknowledgement.eventID) acknowledged at sequence \(acknowledgement.sequence) in run \(acknowledgement.run)")
                }
                continue
            }
            if event.sequence != acknowledgement.sequence {
                problems.append("event \(acknowledgement.eventID) was acknowledged at \(acknowledgement.sequence), is at \(event.sequence)")
            }
        }
        if lost > 5 { problems.append("lost: \(lost) acknowledged events in all") }

        // No event that no request asked for.
        let sent = self.ledger.sentIDs
        let strangers = audit.events.filter { !sent.contains($0.causationId ?? $0.id) }
        if !strangers.isEmpty {
            problems.append("\(strangers.count) events come from no request sent, first: sequence \(strangers[0].sequence)")
        }

        // The projections equal a fold of the log; `show` agrees for this run's entities.
        var customers: [String] = []
        var complaints: [String] = []
        for acknowledgement in self.ledger.acknowledgements(ofRun: run) {
            switch acknowledgement.entity {
            case .customer(let id): customers.append(id)
            case .complaint(let number): complaints.append(number)
            }
        }
        do {
            problems += try audit.projectionProblems(
                connection, showCustomers: Array(Set(customers)).sorted().prefix(200).map { $0 },
                showComplaints: Array(complaints.prefix(200)))
        } catch {
            problems.append("the projections do not match the log: \(error)")
        }

        // And the daemon's own rebuild of every projection from the log agrees (no writes are in flight).
        do {
            let replay = try connection.call(Method.replay, NoParams(), as: ReplayResult.self)
            if !replay.matches || replay.events != UInt64(audit.events.count) {
                problems.append(
                    "audit.replay: matches \(replay.matches) over \(replay.events) events: "
                        + replay.mismatches.prefix(5).joined(separator: "; "))
            }
        } catch {
            problems.append("audit.replay failed: \(error)")
        }

        // A hot copy taken before the kill opens and verifies, and is a prefix of the log.
        if let backup = backups.last {
            problems += self.checkBackup(backup, mainLog: audit)
        }
        for backup in backups where problems.isEmpty {
            try? FileManager.default.removeItem(atPath: backup.path)
        }

        // And the daemon takes writes again.
        let id = "probe-\(run)"
        let requestID = self.rng.uuid()
        self.ledger.sent(requestID)
        do {
            let result = try connection.call(
                Method.registerCustomer, ValidRequests.register(id: id, requestID: requestID, using: &self.rng),
                as: CustomerResult.self)
            if let receipt = result.receipt { self.ledger.acknowledged(receipt, entity: .customer(id), run: run) }
        } catch {
            problems.append("the restarted daemon refused a write: \(error)")
        }
        return (problems, lost, audit.events.count)
    }

    private func checkBackup(_ backup: CompletedBackup, mainLog: LogAudit) -> [String] {
        let copy = DaemonUnderTest(
            executable: self.options.dossierd, dataDirectory: backup.path, socketPath: "\(self.directory)/backup.sock",
            logPath: "\(self.directory)/backup-dossierd.log")
        defer { copy.stop() }
        do {
            try copy.start()
            let connection = try copy.connect()
            let verify = try connection.call(Method.verify, NoParams(), as: VerifyResult.self)
            var problems: [String] = []
            if !verify.intact { problems.append("backup \(backup.path) does not verify: \(verify.failure ?? "")") }
            if verify.head != backup.head {
                problems.append("backup \(backup.path) holds head \(verify.head), admin.backup reported \(backup.head)")
            }
            let sequence = Int(backup.head.sequence)
            if sequence > 0,
                sequence > mainLog.events.count || mainLog.events[sequence - 1].hash != backup.head.hash
            {
                problems.append("backup \(backup.path) is not a prefix of the log: head \(backup.head)")
            }
            return problems
        } catch {
            return ["backup \(backup.path) cannot be opened: \(error)"]
        }
    }
}
