import DossierClient
import DossierCore
import DossierProtocol
import Foundation
import Synchronization

/// How a fuzz run goes; `dossier-fuzz --help` describes each option.
public struct FuzzOptions: Sendable {
    public var lines = 100_000
    public var seed: UInt64 = UInt64.random(in: 0...UInt64.max)
    public var connections = 8
    public var dossierd = defaultDossierdPath()
    /// Share of lines that are valid requests, whose outcomes are checked exactly.
    public var validFraction = 0.1
    /// Connections opened at once in the burst (capped at a tenth of the lines).
    public var burstConnections = 500
    /// How far the daemon's resident memory may stay above its level after the warm-up.
    public var rssMarginMiB = 64
    public var keep = false
    /// When set, every line sent on connection N is also appended to `<trace>.<N>` (to replay a failure).
    public var tracePath: String?

    public init() {}
}

/// Sends a real `dossierd` a stream of generated and mutated lines over several connections,
/// then checks that it is alive and answering, that its memory came back down, that every reply
/// was a JSON object with a result or a specific error, and that the log holds exactly the
/// events of the writes it acknowledged.
public final class ProtocolFuzzer {
    public let options: FuzzOptions
    private let directory: String
    private let daemon: DaemonUnderTest
    private var baseCustomers: [String] = []
    private var setupAcknowledged: Set<UUID> = []

    public init(options: FuzzOptions) throws {
        self.options = options
        self.directory = try makeTemporaryDirectory(prefix: "dossier-fuzz")
        self.daemon = DaemonUnderTest(executable: options.dossierd, directory: self.directory)
    }

    /// Runs the fuzzer and prints its report; true when every check passed.
    public func run() -> Bool {
        ignoreBrokenPipes()
        let options = self.options
        print("fuzz: \(options.lines) lines over \(options.connections) connections, seed \(options.seed), data \(self.directory)")
        var statistics = FuzzStatistics()
        var globalFailures: [String] = []
        do {
            try self.daemon.start()
            try self.registerBaseCustomers()
        } catch {
            print("fuzz: setup failed: \(error)")
            print("fuzz: \(options.lines) lines, 1 failed")
            self.finish(success: false)
            return false
        }
        guard let pid = self.daemon.pid else {
            print("fuzz: the daemon is not running after its start")
            print("fuzz: \(options.lines) lines, 1 failed")
            return false
        }

        // Warm up the allocator and the caches, then take the baseline.
        let warmUpLines = min(2000, max(100, options.lines / 5))
        let warmUp = self.fuzz(lines: warmUpLines, connections: options.connections, seedStream: 1 << 40)
        statistics.merge(warmUp)
        usleep(1_000_000)
        guard let before = ProcessMemory.read(pid: pid) else {
            print("fuzz: the daemon died in the warm-up (\(self.daemon.exitDescription ?? "?")); log:\n\(self.daemon.logTail())")
            for failure in statistics.failures { print("  - \(failure)") }
            print("fuzz: \(options.lines) lines, 1 failed")
            self.finish(success: false)
            return false
        }
        print("fuzz: warm-up \(warmUpLines) lines; before: \(before)")

        let peak = Atomic<Int>(before.residentKiB)
        let sampling = Atomic<Bool>(true)
        let sampler = Thread {
            while sampling.load(ordering: .relaxed) {
                if let memory = ProcessMemory.read(pid: pid) { peak.max(memory.residentKiB, ordering: .relaxed) }
                usleep(50_000)
            }
        }
        sampler.start()
        let started = Date()
        let burst = min(options.burstConnections, options.lines / 10)
        let main = self.fuzz(lines: options.lines - burst, connections: options.connections, seedStream: 0)
        statistics.merge(main)
        statistics.merge(self.burst(connections: burst))
        let seconds = Date().timeIntervalSince(started)
        sampling.store(false, ordering: .relaxed)

        // Memory settles once the connections are gone.
        var after = before
        for _ in 0..<12 {
            usleep(250_000)
            if let memory = ProcessMemory.read(pid: pid) { after = memory }
        }
        let peakKiB = max(peak.load(ordering: .relaxed), after.residentKiB)
        let limitKiB = before.residentKiB + options.rssMarginMiB * 1024
        let memoryOK = after.residentKiB <= limitKiB
        if !memoryOK {
            globalFailures.append(
                "resident memory did not come back: \(ProcessMemory.mebibytes(after.residentKiB)) after, "
                    + "\(ProcessMemory.mebibytes(before.residentKiB)) before + \(options.rssMarginMiB) MiB margin")
        }

        globalFailures += self.checkDaemon(acknowledged: statistics.acknowledged.union(self.setupAcknowledged))

        let sentMain = main.linesSent + burst
        print(
            String(format: "fuzz: sent %d lines in %.1f s (%.0f lines/s), %d replies: %d results, %d errors",
                sentMain, seconds, Double(sentMain) / seconds, statistics.replies, statistics.results,
                statistics.replies - statistics.results))
        let kinds = statistics.sentByKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        print("fuzz: lines by kind (warm-up included): \(kinds.joined(separator: ", "))")
        let codes = statistics.errorsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print("fuzz: error codes: \(codes.joined(separator: ", "))")
        print("fuzz: \(burst) connections at once: \(statistics.burstAnswered) answered, \(statistics.burstRefused) closed or refused")
        print(
            "fuzz: RSS before \(ProcessMemory.mebibytes(before.residentKiB)), peak \(ProcessMemory.mebibytes(peakKiB)), "
                + "after \(ProcessMemory.mebibytes(after.residentKiB)) (limit before + \(options.rssMarginMiB) MiB); "
                + "RssAnon before \(ProcessMemory.mebibytes(before.anonymousKiB)), after \(ProcessMemory.mebibytes(after.anonymousKiB)): "
                + (memoryOK ? "ok" : "FAILED"))
        print("fuzz: \(statistics.validWrites) valid writes acknowledged, \(statistics.acknowledged.count) acknowledged in all")
        for failure in statistics.failures { print("  - \(failure)") }
        for failure in globalFailures { print("  - \(failure)") }
        let failed = statistics.failureCount + globalFailures.count
        self.daemon.stop()
        print("fuzz: \(options.lines) lines, \(failed) failed")
        self.finish(success: failed == 0)
        return failed == 0
    }

    private func finish(success: Bool) {
        finishWorkingDirectory(self.directory, success: success, keep: self.options.keep, tool: "fuzz")
    }

    private func registerBaseCustomers() throws {
        var rng = SplitMix64(seed: self.options.seed, stream: 1 << 50)
        let connection = try self.daemon.connect()
        for index in 1...8 {
            let id = "fzbase-\(index)"
            let result = try connection.call(
                Method.registerCustomer, ValidRequests.register(id: id, requestID: rng.uuid(), using: &rng),
                as: CustomerResult.self)
            if let receipt = result.receipt { self.setupAcknowledged.insert(receipt.eventId) }
            self.baseCustomers.append(id)
        }
    }

    /// `lines` lines spread over `connections` threads, each with its own connection and generator.
    private func fuzz(lines: Int, connections: Int, seedStream: UInt64) -> FuzzStatistics {
        let merged = Mutex(FuzzStatistics())
        let group = DispatchGroup()
        let daemon = self.daemon
        let base = self.baseCustomers
        let options = self.options
        for index in 0..<connections {
            let share = lines / connections + (index < lines % connections ? 1 : 0)
            group.enter()
            let thread = Thread {
                let generator = FuzzLineGenerator(
                    rng: SplitMix64(seed: options.seed, stream: seedStream + UInt64(index)),
                    validFraction: options.validFraction, customers: base)
                let trace = options.tracePath.flatMap { Self.traceFile("\($0).\(seedStream + UInt64(index))") }
                let statistics = Self.connectionWorker(lines: share, generator: generator, daemon: daemon, trace: trace)
                merged.withLock { $0.merge(statistics) }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return merged.withLock { $0 }
    }

    /// One connection: batches of pipelined lines, then their replies in order; now and then a
    /// line written a few bytes at a time, or half a line and a hang-up.
    private static func connectionWorker(
        lines: Int, generator: FuzzLineGenerator, daemon: DaemonUnderTest, trace: FileHandle?
    ) -> FuzzStatistics {
        var generator = generator
        var statistics = FuzzStatistics()
        var connection: DossierConnection
        do {
            connection = try daemon.connect(timeoutSeconds: 120)
        } catch {
            statistics.fail("cannot connect: \(error)")
            return statistics
        }
        var remaining = lines
        while remaining > 0 {
            if generator.rng.chance(0.004) {
                let half = generator.halfLine()
                trace?.write(Data(half.bytes + Array("  <- half line, then hang-up\n".utf8)))
                statistics.sentByKind[.halfLine, default: 0] += 1
                remaining -= 1
                do {
                    try connection.write(raw: half.bytes)
                    connection = try daemon.connect(timeoutSeconds: 120)  // the old one closes when released
                } catch {
                    statistics.fail("reconnecting after a half line failed: \(error)")
                    return statistics
                }
                continue
            }
            let count = min(remaining, Int.random(in: 1...32, using: &generator.rng))
            let batch = (0..<count).map { _ in generator.next() }
            remaining -= count
            do {
                for line in batch {
                    trace?.write(Data(line.bytes + [0x0A]))
                    statistics.sentByKind[line.kind, default: 0] += 1
                    if line.bytes.count < 4096, generator.rng.chance(0.01) {
                        // A few bytes per write: the framing must reassemble the line.
                        var offset = 0
                        let bytes = line.bytes + [0x0A]
                        while offset < bytes.count {
                            let end = min(bytes.count, offset + Int.random(in: 1...7, using: &generator.rng))
                            try connection.write(raw: Array(bytes[offset..<end]))
                            offset = end
                        }
                    } else {
                        try connection.send(line: line.bytes)
                    }
                }
                for line in batch where line.expectation != .none {
                    statistics.check(reply: try connection.receiveLine(), to: line)
                }
            } catch {
                let kinds = Set(batch.map(\.kind.rawValue)).sorted().joined(separator: ", ")
                statistics.fail("connection failed (\(error)) in a batch of \(kinds)")
                guard let fresh = try? daemon.connect(timeoutSeconds: 120) else {
                    statistics.fail("the daemon no longer accepts connections")
                    return statistics
                }
                connection = fresh
            }
        }
        return statistics
    }

    private static func traceFile(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }

    /// Opens `connections` connections at once, sends a line on each (a read or garbage, never a
    /// write: a connection limit may close some before they are read), then reads every reply.
    private func burst(connections: Int) -> FuzzStatistics {
        var statistics = FuzzStatistics()
        guard connections > 0 else { return statistics }
        var generator = FuzzLineGenerator(
            rng: SplitMix64(seed: self.options.seed, stream: 1 << 45), validFraction: 0, customers: self.baseCustomers)
        var open: [(DossierConnection, FuzzLine)] = []
        for index in 0..<connections {
            statistics.sentByKind[.burst, default: 0] += 1
            guard let connection = try? self.daemon.connect(timeoutSeconds: 60) else {
                statistics.burstRefused += 1
                continue
            }
            var line: FuzzLine
            switch index % 4 {
            case 0: line = FuzzLine(bytes: Array(#"{"id":\#(index),"method":"system.hello"}"#.utf8), kind: .burst, expectation: .either, echoedID: nil)
            case 1: line = generator.randomBytes()
            case 2: line = generator.unknownMethod()
            default: line = generator.notAnObject()
            }
            line.expectation = line.expectation == .none ? .none : .either  // a limit may answer dossier.Unavailable
            line.echoedID = nil
            open.append((connection, line))
        }
        for (connection, line) in open {
            if (try? connection.send(line: line.bytes)) == nil { statistics.burstRefused += 1 }
        }
        for (connection, line) in open where line.expectation != .none {
            if let reply = try? connection.receiveLine() {
                statistics.burstAnswered += 1
                statistics.check(reply: reply, to: line)
            } else {
                statistics.burstRefused += 1
            }
        }
        return statistics
    }

    /// After the storm: alive, answering, and the log holds exactly the acknowledged writes.
    private func checkDaemon(acknowledged: Set<UUID>) -> [String] {
        guard self.daemon.isRunning else {
            return ["the daemon died (\(self.daemon.exitDescription ?? "?")); log:\n\(self.daemon.logTail())"]
        }
        do {
            let connection = try self.daemon.connect()
            _ = try connection.call(Method.hello, NoParams(), as: HelloResult.self)
            let audit = try LogAudit(reading: connection)
            let verify = try connection.call(Method.verify, NoParams(), as: VerifyResult.self)
            let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            var problems = audit.structuralProblems(verify: verify, head: head)
            let strangers = audit.events.filter { !acknowledged.contains($0.causationId ?? $0.id) }
            if !strangers.isEmpty {
                problems.append(
                    "\(strangers.count) events come from lines that were not acknowledged, first: "
                        + "sequence \(strangers[0].sequence) \(strangers[0].type) \(strangers[0].data)")
            }
            let missing = acknowledged.filter { audit.eventsByID[$0] == nil }
            if !missing.isEmpty { problems.append("\(missing.count) acknowledged events are not in the log") }
            problems += try audit.projectionProblems(connection)
            print("fuzz: daemon alive; log \(audit.events.count) events, audit.verify \(verify.intact ? "intact" : "BROKEN")")
            return problems
        } catch {
            return ["the daemon does not answer after the run: \(error)"]
        }
    }
}
