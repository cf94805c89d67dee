import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `dossier` client against a daemon it may or may not trust: the client asks the
/// kernel which uid serves the socket, and refuses one it does not accept before sending.
@Suite("The client checks which uid serves the socket")
struct ServerIdentityTests {
    /// The uid of the daemon that squats the socket (the impostor), and of a third user.
    static let daemonUID: UInt32 = 61_004
    static let thirdUID: UInt32 = 61_005
    static let otherUID: UInt32 = 61_006

    static let skipReason = OtherUsers.unavailableReason

    /// A daemon running as `daemonUID` in a directory it owns, whose socket anyone may open;
    /// root is admin there by default and the third user a clerk.
    static func withDaemonOfAnotherUser(_ body: (DaemonProcess) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            #expect(chown(directory.path, Self.daemonUID, Self.daemonUID) == 0)
            #expect(chmod(directory.path, 0o711) == 0)
            let config = try DaemonProcess.configArguments(
                """
                [server]
                socket_mode = "0666"
                [access]
                users = { "\(Self.thirdUID)" = "clerk" }
                """, in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config, uid: Self.daemonUID)
            try daemon.start()
            defer { daemon.stop() }
            try body(daemon)
        }
    }

    static let register = ["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"]

    @Test(.disabled(if: Self.skipReason != nil, Comment(rawValue: Self.skipReason ?? "")))
    func aDaemonOfAnotherUserIsRefusedBeforeAnythingIsSent() async throws {
        try await Self.withDaemonOfAnotherUser { daemon in
            // Root without options, root expecting another uid (by flag, before the command
            // word, and by environment), and a third user without options.
            let refusals = [
                try daemon.cli(Self.register),
                try daemon.cli(["--expect-uid", "\(Self.otherUID)"] + Self.register),
                try daemon.cli(Self.register, environment: ["DOSSIER_EXPECT_UID": "\(Self.otherUID)"]),
                try daemon.cli(Self.register, asUID: Self.thirdUID),
            ]
            for refusal in refusals {
                #expect(refusal.status == 69, "\(refusal.stderr)")
                #expect(refusal.stdout.isEmpty)
                #expect(refusal.stderr.contains(daemon.socketPath))
                #expect(refusal.stderr.contains("uid \(Self.daemonUID)"))
                #expect(refusal.stderr.contains("--expect-uid \(Self.daemonUID)"))
            }
            #expect(refusals[0].stderr.contains("accepts only uid 0 (root)"), "\(refusals[0].stderr)")
            #expect(refusals[1].stderr.contains("accepts only uid 0 (root), \(Self.otherUID) (expected);"))
            #expect(refusals[3].stderr.contains("0 (root), \(Self.thirdUID) (you)"))

            let json = try daemon.cli(["--json", "--expect-uid", "\(Self.otherUID)", "ping"])
            #expect(json.status == 69)
            let error = try JSONDecoder().decode(WireError.self, from: Data(json.stderr.utf8))
            #expect(error.code.rawValue == "dossier.client.UntrustedServer")

            // The daemon got none of those requests: one hello (the fixture's readiness check),
            // no registration, nothing appended.
            let status = try daemon.cli(["--expect-uid", "\(Self.daemonUID)", "status", "--json"])
            #expect(status.status == 0, "\(status.stderr)")
            let result = try JSONDecoder().decode(StatusResult.self, from: Data(status.stdout.utf8))
            #expect(result.events == 0)
            #expect(!result.requests.contains { $0.method == Method.registerCustomer.name })
            #expect(result.requests.first { $0.method == Method.hello.name }?.count == 1)
        }
    }

    @Test(.disabled(if: Self.skipReason != nil, Comment(rawValue: Self.skipReason ?? "")))
    func theExpectedUidIsAcceptedAndHelloNamesIt() async throws {
        try await Self.withDaemonOfAnotherUser { daemon in
            let ping = try daemon.cli(["--expect-uid", "\(Self.daemonUID)", "ping"])
            #expect(ping.status == 0, "\(ping.stderr)")
            #expect(ping.stdout.contains("running as uid \(Self.daemonUID)"), "\(ping.stdout)")

            let add = try daemon.cli(Self.register, asUID: Self.thirdUID, environment: ["DOSSIER_EXPECT_UID": "\(Self.daemonUID)"])
            #expect(add.status == 0, "\(add.stderr)")
            let events = try daemon.cli(["events", "--json", "--expect-uid", "\(Self.daemonUID)"])
            let log = try JSONDecoder().decode(EventsResult.self, from: Data(events.stdout.utf8))
            #expect(log.events.map(\.actor.uid) == [Self.thirdUID])
        }
    }

    @Test func aDaemonOfYourOwnIsAcceptedWithoutOptions() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let ping = try daemon.cli(["ping"])
            #expect(ping.status == 0, "\(ping.stderr)")
            #expect(ping.stdout.contains("running as uid \(geteuid())"), "\(ping.stdout)")
            let hello = try daemon.connect().call(Method.hello, NoParams(), as: HelloResult.self)
            #expect(hello.serverUid == geteuid())
        }
    }
}
