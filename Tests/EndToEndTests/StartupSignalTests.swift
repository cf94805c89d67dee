import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17.6: SIGHUP's default action ends a process, and `dossierd` took SIGHUP over only
/// once its reload service ran: a SIGHUP during start-up (`systemctl reload` too early, a log
/// rotation script) killed it with status 129.
@Suite("SIGHUP during start-up")
struct StartupSignalTests {
    /// Whether the process `pid` has the file `name` open (its name ends the link in /proc).
    static func hasOpen(_ pid: Int32, _ name: String) -> Bool {
        let directory = "/proc/\(pid)/fd"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return descriptors.contains {
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")
            return target?.hasSuffix("/" + name) == true
        }
    }

    @Test func sighupWhileTheLogIsVerifiedIsIgnoredAndTheDaemonComesUp() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments("[store]\nverify_on_start = \"full\"", in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config)
            // A log whose whole chain takes a while to check: the daemon is up but not yet serving.
            let events = 100_000
            try await TestStore.createLog(at: daemon.dataDirectory, events: events)

            try daemon.launch()
            let pid = try #require(daemon.pid)
            let opened = Date().addingTimeInterval(30)
            while daemon.isRunning && !Self.hasOpen(pid, "data.mdb") && Date() < opened { usleep(1_000) }
            try #require(Self.hasOpen(pid, "data.mdb"), "the daemon opened its log; log:\n\(daemon.log)")

            // From here until "log opened" is logged, the daemon is verifying and has no reload
            // service yet. SIGHUP it every few milliseconds until it serves.
            var sentWhileStarting = 0
            var sent = 0
            let deadline = Date().addingTimeInterval(120)
            while daemon.isRunning && !daemon.answersHello && Date() < deadline {
                kill(pid, SIGHUP)
                sent += 1
                if !daemon.log.contains("log opened") { sentWhileStarting += 1 }
                usleep(5_000)
            }
            print("SIGHUP sent \(sent) times before the daemon served, \(sentWhileStarting) while it verified the log")
            #expect(daemon.isRunning, "the daemon died; log:\n\(daemon.log)")
            #expect(sentWhileStarting >= 3, "too few SIGHUPs landed before the log was verified to test anything")
            defer { daemon.stop() }
            try #require(daemon.isRunning)
            let connection = try daemon.connect()
            #expect(try connection.call(Method.head, NoParams(), as: HeadResult.self).sequence == UInt64(events))

            // Once serving, SIGHUP reloads the configuration as before.
            kill(pid, SIGHUP)
            #expect(ConfigReloadTests.waitForLog(daemon, "config reloaded"), "\(daemon.log)")
            #expect(daemon.stop() == 0)
        }
    }
}
