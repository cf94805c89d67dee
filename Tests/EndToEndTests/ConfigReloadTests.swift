import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("SIGHUP reloads the policy")
struct ConfigReloadTests {
    static func file(_ daemon: DaemonProcess) throws -> ComplaintResult {
        try daemon.connect().call(
            Method.fileComplaint,
            FileComplaintParams(customer: "c1", type: .service, channel: .phone, level: .l3, subject: "fees"),
            as: ComplaintResult.self)
    }

    /// Waits until the daemon's log holds `text` `count` times.
    static func waitForLog(_ daemon: DaemonProcess, _ text: String, count: Int = 1) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if daemon.log.components(separatedBy: text).count - 1 >= count { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func sighupAppliesThePolicyAndNamesWhatNeedsARestart() async throws {
        try await withTemporaryDirectory { directory in
            let config = directory.appending("dossierd.toml")
            try "[policy.complaints]\ndefault_unit = \"HQ\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let daemon = DaemonProcess(directory: directory, extraArguments: ["--config", config])
            try daemon.start()
            defer { daemon.stop() }
            let pid = try #require(daemon.pid)
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            #expect(try Self.file(daemon).complaint.number.rawValue.hasPrefix("HQ"))

            try """
            [store]
            max_batch = 512

            [policy.complaints]
            default_unit = "SH"
            """.write(toFile: config, atomically: true, encoding: .utf8)
            kill(pid, SIGHUP)
            #expect(Self.waitForLog(daemon, "config reloaded"), "\(daemon.log)")
            #expect(try Self.file(daemon).complaint.number.rawValue.hasPrefix("SH"))
            #expect(daemon.log.contains("policy.complaints.default_unit"))
            #expect(daemon.log.contains("need a restart"))
            #expect(daemon.log.contains("store.max_batch"))

            // A broken config is refused whole: the daemon keeps serving with the last good policy.
            try "[policy.complaints]\ndefault_unit = \"TOO-LONG\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            kill(pid, SIGHUP)
            #expect(Self.waitForLog(daemon, "config reload refused"), "\(daemon.log)")
            #expect(daemon.isRunning)
            #expect(try Self.file(daemon).complaint.number.rawValue.hasPrefix("SH"))

            // Flags still win over the file after a reload: the socket stays where it is.
            try "[server]\nsocket_path = \"/tmp/elsewhere.sock\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            kill(pid, SIGHUP)
            #expect(Self.waitForLog(daemon, "config reloaded", count: 2))
            #expect(try daemon.cli(["ping"]).status == 0)
            #expect(daemon.stop() == 0)
        }
    }
}
