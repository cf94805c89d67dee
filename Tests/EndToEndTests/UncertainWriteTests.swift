import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A write whose reply never comes: the daemon is stopped (SIGSTOP) while the real `dossier`
/// waits, so the client times out although the daemon will append the request once it runs
/// again. The CLI must say so and name the request id that makes a repeat safe.
@Suite("Writes whose outcome the client could not learn")
struct UncertainWriteTests {
    static let register = ["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"]

    /// The request id the CLI printed after `--request-id`.
    static func requestID(in stderr: String) throws -> UUID {
        let words = stderr.split(whereSeparator: \.isWhitespace).map(String.init)
        let index = try #require(words.firstIndex(of: "--request-id"), "\(stderr)")
        return try #require(UUID(uuidString: words[index + 1]), "\(stderr)")
    }

    /// Waits until the log's head reaches `sequence`.
    static func waitForHead(_ daemon: DaemonProcess, sequence: UInt64) throws {
        let deadline = Date().addingTimeInterval(10)
        while try daemon.connect().call(Method.head, NoParams(), as: HeadResult.self).sequence < sequence {
            try #require(Date() < deadline, "the stalled request was never appended")
            usleep(20_000)
        }
    }

    static func events(_ daemon: DaemonProcess) throws -> [EventView] {
        try daemon.connect().call(Method.readLog, ReadLogParams(), as: EventsResult.self).events
    }

    /// Runs `body` with a daemon and its pid; the daemon is continued before it is stopped, so
    /// a failed expectation cannot leave it frozen.
    static func withDaemon(_ body: (DaemonProcess, pid_t) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            let pid = try #require(daemon.pid)
            defer {
                kill(pid, SIGCONT)
                daemon.stop()
            }
            try body(daemon, pid)
        }
    }

    @Test func aTimedOutWriteNamesItsRequestIdAndARepeatWithItAppendsNothing() async throws {
        try await Self.withDaemon { daemon, pid in
            kill(pid, SIGSTOP)
            let stalled = try daemon.cli(["--timeout", "1"] + Self.register)
            kill(pid, SIGCONT)
            #expect(stalled.status == 75, "\(stalled.stderr)")
            #expect(stalled.stdout.isEmpty)
            #expect(stalled.stderr.contains("did not answer within 1.0 s"))
            #expect(stalled.stderr.contains("the write may have been applied"))
            let id = try Self.requestID(in: stalled.stderr)

            // It was: the daemon served the request once it ran again.
            try Self.waitForHead(daemon, sequence: 1)
            let repeated = try daemon.cli(Self.register + ["--request-id", id.uuidString, "--json"])
            #expect(repeated.status == 0, "\(repeated.stderr)")
            let result = try JSONDecoder().decode(CustomerResult.self, from: Data(repeated.stdout.utf8))
            #expect(result.receipt?.deduplicated == true)
            #expect(result.receipt?.eventId == id)
            #expect(try Self.events(daemon).map(\.type) == ["CustomerRegistered"])
        }
    }

    @Test func withJSONTheErrorObjectCarriesTheRequestId() async throws {
        try await Self.withDaemon { daemon, pid in
            #expect(try daemon.cli(Self.register).status == 0)
            let file = [
                "complaint", "file", "--customer", "c1", "--type", "service", "--channel", "phone", "--level", "L3",
                "--subject", "card fees",
            ]
            kill(pid, SIGSTOP)
            let stalled = try daemon.cli(["--json", "--timeout", "1"] + file)
            kill(pid, SIGCONT)
            #expect(stalled.status == 75, "\(stalled.stderr)")
            #expect(stalled.stdout.isEmpty)
            let error = try JSONDecoder().decode(WireError.self, from: Data(stalled.stderr.utf8))
            #expect(error.code.rawValue == "dossier.client.Timeout")
            let id = try #require(error.details?["requestId"]?.stringValue.flatMap(UUID.init(uuidString:)))

            try Self.waitForHead(daemon, sequence: 2)
            let repeated = try daemon.cli(file + ["--request-id", id.uuidString, "--json"])
            #expect(repeated.status == 0, "\(repeated.stderr)")
            let result = try JSONDecoder().decode(ComplaintResult.self, from: Data(repeated.stdout.utf8))
            #expect(result.receipt?.deduplicated == true)
            #expect(try Self.events(daemon).map(\.type) == ["CustomerRegistered", "ComplaintFiled"])
        }
    }

    @Test func retryResendsTheSameRequestUntilTheDaemonAnswers() async throws {
        try await Self.withDaemon { daemon, pid in
            kill(pid, SIGSTOP)
            // Continued after the first attempt timed out, while the second waits.
            let continued = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) {
                kill(pid, SIGCONT)
                continued.signal()
            }
            let add = try daemon.cli(["--timeout", "1"] + Self.register + ["--retry", "3", "--json"])
            continued.wait()
            #expect(add.status == 0, "\(add.stderr)")
            #expect(add.stderr.isEmpty)
            let result = try JSONDecoder().decode(CustomerResult.self, from: Data(add.stdout.utf8))
            // Both attempts reached the daemon; the log holds the customer once.
            let events = try Self.events(daemon)
            #expect(events.map(\.type) == ["CustomerRegistered"])
            #expect(events.first?.id == result.receipt?.eventId)
        }
    }
}
