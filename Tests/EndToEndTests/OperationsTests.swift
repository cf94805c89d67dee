import DossierClient
import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Synchronization
import Testing

@Suite("Operations: hot backup, status, metrics")
struct OperationsTests {
    static func decode<T: Decodable>(_ type: T.Type, _ output: ProcessOutput) throws -> T {
        try DossierJSON.decode(T.self, from: Array(output.stdout.utf8))
    }

    /// Files complaints from `clients` threads until `stop` is set or `perClient` each are done;
    /// returns how many were acknowledged.
    static func writeLoad(_ daemon: DaemonProcess, clients: Int, perClient: Int, stop: SharedFlag) -> Int {
        let acknowledged = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            guard let connection = try? daemon.connect(timeoutSeconds: 60) else { return }
            for index in 0..<perClient where !stop.isSet {
                let params = FileComplaintParams(
                    customer: "c1", type: .service, channel: .web, level: .l3, subject: "load \(client) #\(index)")
                if (try? connection.call(Method.fileComplaint, params, as: ComplaintResult.self)) != nil {
                    acknowledged.add(1, ordering: .relaxed)
                }
            }
        }
        return acknowledged.load(ordering: .relaxed)
    }

    @Test func aBackupTakenUnderWriteLoadVerifiesAndADaemonStartsOnIt() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)

            // Writes run on four connections while the backup is taken.
            let stop = SharedFlag()
            let loadDone = DispatchSemaphore(value: 0)
            let written = SharedCount()
            DispatchQueue.global().async {
                let count = Self.writeLoad(daemon, clients: 4, perClient: 400, stop: stop)
                written.add(count)
                loadDone.signal()
            }
            // Let the load get going, so the copy is taken with commits in flight.
            let connection = try daemon.connect()
            while try connection.call(Method.head, NoParams(), as: HeadResult.self).sequence < 50 { usleep(5_000) }

            let copyDirectory = try TemporaryDirectory(prefix: "dossier-copy")
            defer { copyDirectory.remove() }
            let backupPath = copyDirectory.appending("data")
            let output = try daemon.cli(["admin", "backup", backupPath, "--json"])
            let headAfterBackup = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            stop.set()
            loadDone.wait()
            #expect(output.status == 0, "\(output.stderr)")
            let backup = try Self.decode(BackupResult.self, output)
            #expect(backup.intact)
            #expect(backup.failure == nil)
            #expect(backup.path == backupPath)
            #expect(backup.events == backup.head.sequence)
            #expect(backup.events >= 50)
            #expect(backup.events <= headAfterBackup.sequence)
            #expect(backup.bytes > 0)
            #expect(written.value > 0)
            // The copy is the data file alone, in a private directory.
            #expect(try FileManager.default.contentsOfDirectory(atPath: backupPath) == ["data.mdb"])
            let mode = try FileManager.default.attributesOfItem(atPath: backupPath)[.posixPermissions] as? Int
            #expect(mode == 0o700)

            // The copy is a prefix of the live log: the live event at the copy's head has the same hash.
            let atHead = try connection.call(
                Method.readLog, ReadLogParams(from: backup.head.sequence, limit: 1), as: EventsResult.self)
            #expect(atHead.events.first?.hash == backup.head.hash)

            // Restore = start on the copy.
            let restored = DaemonProcess(directory: copyDirectory)
            try restored.start()
            defer { restored.stop() }
            let restoredConnection = try restored.connect()
            #expect(try restoredConnection.call(Method.head, NoParams(), as: HeadResult.self) == backup.head)
            let verify = try restored.cli(["audit", "verify", "--json"])
            #expect(verify.status == 0)
            let report = try Self.decode(VerifyResult.self, verify)
            #expect(report.intact && report.events == backup.events)
            // And the restored daemon takes writes on top of the copied chain.
            #expect(try restored.cli(["customer", "add", "c2", "--name", "After", "--kind", "individual"]).status == 0)
            #expect(try restored.cli(["audit", "verify"]).status == 0)
        }
    }

    @Test func aBackupRefusesADirectoryThatIsNotEmptyOrARelativePath() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let occupied = directory.appending("occupied")
            try FileManager.default.createDirectory(atPath: occupied, withIntermediateDirectories: false)
            try "x".write(toFile: occupied + "/keep", atomically: true, encoding: .utf8)

            let output = try daemon.cli(["admin", "backup", occupied, "--json"])
            #expect(output.status == 65)
            let error = try DossierJSON.decode(WireError.self, from: Array(output.stderr.utf8))
            #expect(error.code == .badRequest)
            #expect(error.details?["field"] == .string("path"))
            #expect(try String(contentsOfFile: occupied + "/keep", encoding: .utf8) == "x")

            let connection = try daemon.connect()
            #expect(throws: WireError.self) {
                try connection.call(Method.backup, BackupParams(path: "relative/dir"), as: BackupResult.self)
            }
            let missingParent = directory.appending("no/such/parent")
            let missing = try daemon.cli(["admin", "backup", missingParent])
            #expect(missing.status == 65)
            #expect(missing.stderr.contains("cannot create"))
            #expect(!FileManager.default.fileExists(atPath: missingParent))

            // An empty existing directory of the daemon's user, open to nobody else, is fine.
            let empty = directory.appending("empty")
            try FileManager.default.createDirectory(
                atPath: empty, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let ok = try daemon.cli(["admin", "backup", empty])
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout.contains("verified"))
        }
    }

    @Test func statusReportsTheHeadStorageConnectionsWriterAndLatencies() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            _ = try connection.call(
                Method.registerCustomer, RegisterCustomerParams(id: "c1", name: "Acme", kind: .corporate),
                as: CustomerResult.self)
            for index in 0..<20 {
                _ = try connection.call(
                    Method.fileComplaint,
                    FileComplaintParams(customer: "c1", type: .fees, channel: .app, level: .l2, subject: "s\(index)"),
                    as: ComplaintResult.self)
            }
            _ = try? connection.call(Method.showCustomer, CustomerIDParams(id: "nobody"), as: CustomerResult.self)
            _ = try? connection.callRaw(method: "no.such.method", params: nil)

            let output = try daemon.cli(["status", "--json"])
            #expect(output.status == 0, "\(output.stderr)")
            let status = try Self.decode(StatusResult.self, output)
            let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            #expect(status.server == "dossierd")
            #expect(status.events == 21 && status.head == head)
            #expect(status.dataDir == daemon.dataDirectory)
            #expect(status.uptimeSeconds > 0)
            #expect(status.connections >= 2)  // this test's and the CLI's
            #expect(status.storage.usedBytes > 0 && status.storage.usedBytes <= status.storage.mapBytes)
            #expect(status.storage.fileBytes > 0 && status.storage.maxMapBytes >= status.storage.mapBytes)
            #expect(status.writer.commits >= 1 && status.writer.committedJobs == 21)
            #expect(status.writer.batchSizes.reduce(0) { $0 + $1.commits } == status.writer.commits)
            #expect(status.writer.meanCommitMs > 0)

            let byMethod = Dictionary(uniqueKeysWithValues: status.requests.map { ($0.method, $0) })
            let filed = try #require(byMethod["complaint.file"])
            #expect(filed.count == 20 && filed.errors == 0)
            #expect(0 < filed.p50Ms && filed.p50Ms <= filed.p90Ms && filed.p90Ms <= filed.p99Ms)
            #expect(filed.p99Ms <= filed.maxMs)
            #expect(byMethod["customer.show"]?.errors == 1)
            #expect(byMethod["other"]?.count == 1)
            #expect(byMethod["no.such.method"] == nil)

            let panel = try daemon.cli(["status"])
            #expect(panel.status == 0)
            for word in ["21 events", "complaint.file", "P99 MS", "connected", "commits"] {
                #expect(panel.stdout.contains(word), "\(word) in:\n\(panel.stdout)")
            }
        }
    }

    @Test func metricsAreValidPrometheusTextWithTheDocumentedNames() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            for id in ["c1", "c2", "c3"] {
                _ = try connection.call(
                    Method.registerCustomer, RegisterCustomerParams(id: id, name: "N \(id)", kind: .individual),
                    as: CustomerResult.self)
            }
            _ = try? connection.call(Method.showCustomer, CustomerIDParams(id: "nobody"), as: CustomerResult.self)
            _ = try? connection.callRaw(method: "customer-ids-are-not-labels-42", params: nil)

            let output = try daemon.cli(["metrics"])
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n").map(String.init)
            // Every sample line is `name{labels} value` with a number value.
            let sample = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? ([-+0-9.eE]+|\+Inf|NaN)$/
            for line in lines where !line.hasPrefix("#") {
                #expect(line.wholeMatch(of: sample) != nil, "not a sample line: \(line)")
            }
            let text = output.stdout
            for expected in [
                #"dossier_requests_total{method="customer.register",code="ok"} 3"#,
                #"dossier_requests_total{method="customer.show",code="dossier.NotFound"} 1"#,
                #"dossier_requests_total{method="other",code="dossier.UnknownMethod"} 1"#,
                #"dossier_request_duration_seconds_count{method="customer.register"} 3"#,
                "# TYPE dossier_request_duration_seconds histogram",
                "dossier_log_events 3",
                "# TYPE dossier_commit_batch_size histogram",
                "dossier_commit_batch_size_count 3",
                "# TYPE dossier_commit_duration_seconds histogram",
                "dossier_commit_duration_seconds_count 3",
                "# TYPE dossier_map_used_bytes gauge",
            ] {
                #expect(text.contains(expected), "missing \(expected)")
            }
            #expect(!text.contains("customer-ids-are-not-labels-42"))
            let used = lines.first { $0.hasPrefix("dossier_map_used_bytes ") }
            #expect(Double(used?.split(separator: " ").last ?? "") ?? 0 > 0)

            let json = try daemon.cli(["metrics", "--json"])
            let result = try Self.decode(MetricsResult.self, json)
            #expect(result.contentType.hasPrefix("text/plain; version=0.0.4"))
            #expect(result.text.contains("dossier_log_events 3"))
        }
    }
}

/// A flag and a counter that threads share.
final class SharedFlag: Sendable {
    private let state = Atomic<Bool>(false)
    var isSet: Bool { self.state.load(ordering: .relaxed) }
    func set() { self.state.store(true, ordering: .relaxed) }
}

final class SharedCount: Sendable {
    private let state = Atomic<Int>(0)
    var value: Int { self.state.load(ordering: .relaxed) }
    func add(_ amount: Int) { self.state.add(amount, ordering: .relaxed) }
}
