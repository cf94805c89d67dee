import DossierClient
import DossierCore
import DossierProtocol
import Foundation
import Synchronization

/// What a workload saw until the daemon died under it.
struct WorkloadOutcome: Sendable {
    var requests = 0
    var acknowledged = 0
    var refused = 0
    /// Replies that should never happen (`dossier.Internal`, a reply to another request).
    var problems: [String] = []
    /// Backups whose reply arrived before the kill, and whether one was cut off by it.
    var completedBackups: [CompletedBackup] = []
    var backupInterrupted = false

    mutating func merge(_ other: WorkloadOutcome) {
        self.requests += other.requests
        self.acknowledged += other.acknowledged
        self.refused += other.refused
        self.problems += other.problems
        self.completedBackups += other.completedBackups
        self.backupInterrupted = self.backupInterrupted || other.backupInterrupted
    }
}

/// A hot copy the daemon reported as written, to be opened and verified after the restart.
struct CompletedBackup: Sendable {
    var path: String
    var events: UInt64
    var head: HeadResult
}

/// The part of `admin.backup`'s result the crash test checks (decoded here by wire name, so the
/// tool does not depend on the operations types).
private struct BackupReply: Decodable {
    var events: UInt64
    var head: HeadResult
}

/// Runs `body` on `count` threads of its own (not the dispatch pool, whose width is the core
/// count: blocking clients would run two at a time) and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> WorkloadOutcome) -> WorkloadOutcome {
    let outcomes = Mutex(WorkloadOutcome())
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            let outcome = body(index)
            outcomes.withLock { $0.merge(outcome) }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    return outcomes.withLock { $0 }
}

enum CrashWorkloads {
    /// One client: registers customers, files complaints and flags customers with unique
    /// request ids, one request at a time, until its connection dies.
    static func client(
        _ client: Int, run: Int, daemon: DaemonUnderTest, ledger: Ledger, baseCustomers: [String], seed: UInt64
    ) -> WorkloadOutcome {
        var outcome = WorkloadOutcome()
        var rng = SplitMix64(seed: seed, stream: UInt64(run) << 20 | UInt64(client))
        guard let connection = try? daemon.connect(timeoutSeconds: 60) else { return outcome }
        var customers = baseCustomers
        var index = 0
        while true {
            index += 1
            let requestID = rng.uuid()
            ledger.sent(requestID)
            outcome.requests += 1
            let roll = Int.random(in: 0..<100, using: &rng)
            do {
                if roll < 25 {
                    let id = "r\(run)-\(client)-\(index)"
                    let result = try connection.call(
                        Method.registerCustomer, ValidRequests.register(id: id, requestID: requestID, using: &rng),
                        as: CustomerResult.self)
                    customers.append(id)
                    try Self.acknowledge(result.receipt, .customer(id), run: run, ledger: ledger, outcome: &outcome)
                } else if roll < 45 {
                    let customer = customers.randomElement(using: &rng)!
                    let result = try connection.call(
                        Method.flagCustomer, ValidRequests.flag(customer: customer, requestID: requestID, using: &rng),
                        as: CustomerResult.self)
                    try Self.acknowledge(result.receipt, .customer(customer), run: run, ledger: ledger, outcome: &outcome)
                } else {
                    let params = ValidRequests.complaint(
                        customer: customers.randomElement(using: &rng)!, subject: "run \(run) client \(client) #\(index)",
                        requestID: requestID, using: &rng)
                    let result = try connection.call(Method.fileComplaint, params, as: ComplaintResult.self)
                    try Self.acknowledge(
                        result.receipt, .complaint(result.complaint.number.rawValue), run: run, ledger: ledger,
                        outcome: &outcome)
                }
            } catch let error as WireError {
                Self.refused(error, ledger: ledger, outcome: &outcome)
            } catch {
                return outcome  // the daemon is gone
            }
        }
    }

    /// One connection pipelines `count` complaints without waiting (a writer thread sends, this
    /// thread reads) and the daemon is killed once `killAfterReplies` replies have arrived;
    /// every reply read, before or after the kill, is an acknowledgement.
    static func pipeline(
        count: Int, killAfterReplies: Int, run: Int, daemon: DaemonUnderTest, ledger: Ledger, customers: [String],
        seed: UInt64
    ) -> WorkloadOutcome {
        var outcome = WorkloadOutcome()
        var rng = SplitMix64(seed: seed, stream: UInt64(run) << 20 | 0xFFFFF)
        var lines: [[UInt8]] = []
        for index in 1...count {
            let requestID = rng.uuid()
            ledger.sent(requestID)
            let params = ValidRequests.complaint(
                customer: customers.randomElement(using: &rng)!, subject: "run \(run) pipelined #\(index)",
                requestID: requestID, using: &rng)
            lines.append(
                (try? DossierJSON.encode(Request(id: .number(Int64(index)), method: Method.fileComplaint.name, params: params)))
                    ?? [])
        }
        guard let connection = try? daemon.connect(timeoutSeconds: 60) else {
            outcome.problems.append("pipeline: cannot connect")
            daemon.kill9()
            return outcome
        }
        let shared = SharedConnection(connection)
        let requests = lines
        let writer = Thread {
            for line in requests {
                do { try shared.connection.send(line: line) } catch { return }
            }
        }
        writer.start()
        var expectedID: Int64 = 1
        while true {
            let line: [UInt8]
            do { line = try shared.connection.receiveLine() } catch { break }
            outcome.requests += 1
            do {
                let header = try DossierJSON.decode(ReplyHeader.self, from: line)
                if header.id != .number(expectedID) {
                    outcome.problems.append("pipeline: reply \(expectedID) carries id \(header.id.map(\.description) ?? "null")")
                }
                if let error = header.error {
                    Self.refused(error, ledger: ledger, outcome: &outcome)
                } else {
                    let result = try DossierJSON.decode(ResultEnvelope<ComplaintResult>.self, from: line).result
                    try Self.acknowledge(
                        result.receipt, .complaint(result.complaint.number.rawValue), run: run, ledger: ledger,
                        outcome: &outcome)
                }
            } catch {
                outcome.problems.append("pipeline: unreadable reply \(expectedID): \(error)")
            }
            if expectedID == Int64(killAfterReplies) { daemon.kill9() }
            expectedID += 1
        }
        daemon.kill9()  // in case the connection ended before the chosen reply
        return outcome
    }

    /// Takes hot backups one after another into fresh directories until the daemon dies.
    static func backups(
        run: Int, daemon: DaemonUnderTest, directory: String, onFirstBackup: @Sendable () -> Void
    ) -> WorkloadOutcome {
        var outcome = WorkloadOutcome()
        var signalled = false
        defer { if !signalled { onFirstBackup() } }  // no backup finished: the kill must not wait
        guard let connection = try? daemon.connect(timeoutSeconds: 120) else { return outcome }
        var index = 0
        while true {
            index += 1
            let path = "\(directory)/run\(run)-\(index)"
            outcome.requests += 1
            do {
                let line = try connection.callRaw(method: "admin.backup", params: try DossierJSON.encode(["path": path]))
                let reply = try DossierJSON.decode(ResultEnvelope<BackupReply>.self, from: line).result
                outcome.completedBackups.append(CompletedBackup(path: path, events: reply.events, head: reply.head))
                if !signalled {
                    signalled = true
                    onFirstBackup()
                }
            } catch let error as WireError {
                outcome.refused += 1
                outcome.problems.append("admin.backup refused: \(error)")
                return outcome
            } catch {
                outcome.backupInterrupted = true
                return outcome
            }
        }
    }

    private static func acknowledge(
        _ receipt: AppendReceipt?, _ entity: Ledger.Entity, run: Int, ledger: Ledger, outcome: inout WorkloadOutcome
    ) throws {
        guard let receipt else {
            outcome.problems.append("a write succeeded without a receipt")
            return
        }
        ledger.acknowledged(receipt, entity: entity, run: run)
        outcome.acknowledged += 1
    }

    private static func refused(_ error: WireError, ledger: Ledger, outcome: inout WorkloadOutcome) {
        ledger.refused(error.code)
        outcome.refused += 1
        if error.code == .internal { outcome.problems.append("a valid request got \(error)") }
    }
}

/// A connection used by two threads at once: the writer thread only calls `send` and the reader
/// only `receiveLine`. They share the socket descriptor (full duplex) and nothing else.
final class SharedConnection: @unchecked Sendable {
    let connection: DossierConnection
    init(_ connection: DossierConnection) { self.connection = connection }
}
