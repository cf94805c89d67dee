import DossierClient
import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Storage faults against a real daemon: a second daemon, a stuck client at stop, a full disk")
struct StorageFaultTests {
    @Test func aSecondDaemonOnTheSameDataDirectoryExitsNamingTheFirst() async throws {
        try await withTemporaryDirectory { directory in
            let first = DaemonProcess(directory: directory)
            try first.start()
            defer { first.stop() }
            let firstPID = try #require(first.pid)
            _ = try first.connect().call(
                Method.registerCustomer, RegisterCustomerParams(id: "c1", name: "A", kind: .corporate),
                as: CustomerResult.self)

            let otherSocket = directory.appending("second.sock")
            // Under `timeout`: a daemon that wrongly starts would serve until killed (status 124).
            let second = try ProcessRunner.run(
                "/usr/bin/timeout",
                ["10", BuiltProducts.dossierd, "--data-dir", first.dataDirectory, "--socket", otherSocket])
            #expect(second.status == 69, "\(second.stderr)")
            #expect(second.stderr.contains("pid \(firstPID)"), "\(second.stderr)")
            #expect(second.stderr.contains(first.socketPath), "\(second.stderr)")
            #expect(!FileManager.default.fileExists(atPath: otherSocket), "the second daemon never listened")

            // The first one goes on unharmed.
            let after = try first.connect().call(Method.head, NoParams(), as: HeadResult.self)
            #expect(after.sequence == 1)
        }
    }

    /// A client that pipelines reads and never reads the replies keeps its connection busy
    /// forever. At SIGTERM the daemon must end that connection when the grace period is over,
    /// and only then close the log, so no request ever reaches a closed store.
    @Test func aStopEndsAStuckConnectionAfterTheGraceAndThenClosesTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let config = directory.appending("dossierd.toml")
            try "[server]\nshutdown_grace_seconds = 1\n".write(toFile: config, atomically: true, encoding: .utf8)
            let daemon = DaemonProcess(directory: directory, extraArguments: ["--config", config])
            try daemon.start()
            let pid = try #require(daemon.pid)
            let setup = try daemon.connect()
            for index in 0..<20 {
                _ = try setup.call(
                    Method.registerCustomer,
                    RegisterCustomerParams(id: "c\(index)", name: String(repeating: "n", count: 150), kind: .corporate),
                    as: CustomerResult.self)
            }
            let stuck = try daemon.connect(timeoutSeconds: 2)
            let request = Array(#"{"id":1,"method":"customer.list","params":{"limit":20}}"#.utf8)
            var sent = 0
            // Until the daemon stops reading: its replies fill the socket and it holds back.
            while sent < 100_000, (try? stuck.send(line: request)) != nil { sent += 1 }
            #expect(sent < 100_000, "the daemon kept reading without replies being read")

            let stopped = ContinuousClock.now
            kill(pid, SIGTERM)
            let status = daemon.stop()
            let took = ContinuousClock.now - stopped
            #expect(status == 0, "\(daemon.log)")
            #expect(took < .seconds(15), "stopped after \(took)")
            let log = daemon.log
            let serverStopped = try #require(log.range(of: "server stopped"), "\(log)")
            let storeClosed = try #require(log.range(of: "store closed"), "\(log)")
            #expect(serverStopped.lowerBound < storeClosed.lowerBound, "the log closed after the server stopped")
        }
    }

    /// The data directory on a 4 MiB tmpfs: writes fill it, each refused write says the disk is
    /// full (not an internal error), the daemon keeps serving reads, logs a few lines rather
    /// than one per refusal, loses no acknowledged write, and writes again once there is room.
    @Test func aFullDiskIsStorageFullAndTheDaemonRecovers() async throws {
        guard geteuid() == 0 else {
            print("skipped: mounting a small tmpfs needs root")
            return
        }
        try await withTemporaryDirectory { directory in
            let mountPoint = directory.appending("disk")
            try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
            let mount = try ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mountPoint])
            guard mount.status == 0 else {
                print("skipped: cannot mount a tmpfs here (\(mount.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
                return
            }
            defer { _ = try? ProcessRunner.run("/bin/umount", ["-l", mountPoint]) }
            let config = directory.appending("dossierd.toml")
            try "[store]\ninitial_map_size = \"1MiB\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let daemon = DaemonProcess(
                directory: directory, extraArguments: ["--config", config, "--data-dir", mountPoint + "/data"])
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            _ = try connection.call(
                Method.registerCustomer, RegisterCustomerParams(id: "c1", name: "A", kind: .corporate),
                as: CustomerResult.self)

            var acknowledged: [UInt64] = [1]
            var refusal: WireError?
            var refusals = 0
            for index in 0..<2000 {
                let params = FileComplaintParams(
                    customer: "c1", type: .service, channel: .phone, level: .l3, subject: "s\(index)",
                    description: String(repeating: "x", count: 9000))
                do {
                    let filed = try connection.call(Method.fileComplaint, params, as: ComplaintResult.self)
                    acknowledged.append(try #require(filed.receipt).sequence)
                } catch let error as WireError {
                    refusal = refusal ?? error
                    refusals += 1
                    if refusals == 50 { break }
                }
            }
            let error = try #require(refusal, "4 MiB never filled up")
            #expect(error.code == .storageFull, "\(error)")
            #expect(error.details?["reason"] == .string("disk"))
            #expect(!error.message.contains("internal"))

            // Reads still work while the disk is full.
            let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            #expect(head.sequence == UInt64(acknowledged.count))
            let big = #"{"customer":"c1","type":"service","channel":"phone","level":"L3","subject":"cli","description":"\#(String(repeating: "y", count: 9000))"}"#
            let cli = try daemon.cli(["--json", "call", "complaint.file", big])
            #expect(cli.status == 74 && cli.stderr.contains("dossier.StorageFull"), "\(cli.stderr)")

            // A burst of log lines, then a count of the suppressed ones, not one per refusal.
            let log = daemon.log
            let criticalLines = log.split(separator: "\n").filter { $0.contains("disk full") }.count
            #expect(criticalLines >= 1 && criticalLines <= 10, "\(criticalLines) lines for \(refusals) refusals")
            #expect(!log.contains("Input/output error"), "\(log)")

            // Room again: writes go on, and nothing acknowledged was lost.
            let remount = try ProcessRunner.run("/bin/mount", ["-o", "remount,size=64m", mountPoint])
            #expect(remount.status == 0, "\(remount.stderr)")
            let more = try connection.call(
                Method.fileComplaint,
                FileComplaintParams(customer: "c1", type: .service, channel: .phone, level: .l3, subject: "after"),
                as: ComplaintResult.self)
            acknowledged.append(try #require(more.receipt).sequence)
            #expect(acknowledged == Array(1...UInt64(acknowledged.count)), "acknowledged writes are a gapless prefix")
            let verified = try connection.call(Method.verify, NoParams(), as: VerifyResult.self)
            #expect(verified.intact && verified.events == UInt64(acknowledged.count))
        }
    }

    /// Outside systemd's `UMask=0077`, a backup copy used to be created `0666` minus the umask:
    /// readable by every local user. Whatever the daemon's umask, the copy is 0600 in a 0700
    /// directory.
    @Test func aBackupIsPrivateWhateverTheDaemonsUmask() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory, umask: 0)
            try daemon.start()
            defer { daemon.stop() }
            _ = try daemon.connect().call(
                Method.registerCustomer, RegisterCustomerParams(id: "c1", name: "A", kind: .corporate),
                as: CustomerResult.self)
            let path = directory.appending("backup")
            let output = try daemon.cli(["admin", "backup", path])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(FileMode.of(path) == 0o700)
            #expect(FileMode.of(path + "/data.mdb") == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["data.mdb"])
        }
    }
}
