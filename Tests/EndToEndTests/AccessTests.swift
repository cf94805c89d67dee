import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `dossier` client run as other uids (with `setpriv`) against a real daemon: the
/// role comes from the kernel's SO_PEERCRED, not from anything the client says.
@Suite("Roles from peer credentials, with the CLI run as other uids")
struct AccessTests {
    static let unmapped: UInt32 = 61_001
    static let clerk: UInt32 = 61_002
    static let viewer: UInt32 = 61_003

    static let skipReason = OtherUsers.unavailableReason

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// A daemon running as root whose socket anyone may open, with a clerk and a viewer mapped.
    static func withDaemon(_ body: (DaemonProcess) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            // The other uids must reach the socket: search permission on its directory.
            #expect(chmod(directory.path, 0o711) == 0)
            let config = try DaemonProcess.configArguments(
                """
                [server]
                socket_mode = "0666"
                [access]
                users = { "\(Self.clerk)" = "clerk", "\(Self.viewer)" = "viewer" }
                """, in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config)
            try daemon.start()
            defer { daemon.stop() }
            try body(daemon)
        }
    }

    @Test(.disabled(if: Self.skipReason != nil, Comment(rawValue: Self.skipReason ?? "")))
    func anUnmappedUserMaySayHelloAndNothingElse() async throws {
        try await Self.withDaemon { daemon in
            let ping = try daemon.cli(["ping"], asUID: Self.unmapped)
            #expect(ping.status == 0, "\(ping.stderr)")
            #expect(ping.stdout.contains("uid \(Self.unmapped)"))
            #expect(ping.stdout.contains("with no role"))
            let hello = try Self.object(try daemon.cli(["call", "system.hello"], asUID: Self.unmapped).stdout)
            #expect(hello["uid"] as? Int == Int(Self.unmapped))
            #expect(hello["role"] == nil)

            let register = try daemon.cli(
                ["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate", "--json"], asUID: Self.unmapped)
            #expect(register.status == 77, "\(register.stderr)")
            let error = try JSONDecoder().decode(WireError.self, from: Data(register.stderr.utf8))
            #expect(error.code == .forbidden)
            #expect(error.details?["method"] == .string("customer.register"))
            #expect(error.details?["role"] == .string("none"))

            // Reads too: a peer with no role sees nothing.
            #expect(try daemon.cli(["customer", "list"], asUID: Self.unmapped).status == 77)
            #expect(try daemon.cli(["events"], asUID: Self.unmapped).status == 77)
            // Nothing was appended.
            #expect(try Self.object(try daemon.cli(["call", "log.head"]).stdout)["sequence"] as? Int == 0)
            #expect(daemon.log.contains("request denied"))
            #expect(daemon.log.contains("peer.uid=\(Self.unmapped)"))
        }
    }

    @Test(.disabled(if: Self.skipReason != nil, Comment(rawValue: Self.skipReason ?? "")))
    func aClerkRecordsAndTheEventNamesTheKernelsUid() async throws {
        try await Self.withDaemon { daemon in
            let ping = try daemon.cli(["ping"], asUID: Self.clerk)
            #expect(ping.stdout.contains("role clerk"), "\(ping.stdout)")
            let add = try daemon.cli(["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"], asUID: Self.clerk)
            #expect(add.status == 0, "\(add.stderr)")
            let flag = try daemon.cli(
                ["customer", "flag", "c1", "--kind", "overdue_repayment", "--source", "bureau"], asUID: Self.clerk)
            #expect(flag.status == 0, "\(flag.stderr)")

            let events = try JSONDecoder().decode(EventsResult.self, from: Data(try daemon.cli(["events", "--json"]).stdout.utf8))
            #expect(events.events.map(\.type) == ["CustomerRegistered", "CustomerFlagged"])
            for event in events.events {
                #expect(event.actor.uid == Self.clerk)
                #expect(event.actor.user == "uid\(Self.clerk)")  // no password entry for this uid
            }
            // A clerk sees bad records.
            let show = try Self.object(try daemon.cli(["call", "customer.show", #"{"id":"c1"}"#], asUID: Self.clerk).stdout)
            let customer = try #require(show["customer"] as? [String: Any])
            #expect(customer["openFlags"] as? Int == 1)
            #expect(customer["lastFlaggedAt"] != nil)
            #expect(show["withheld"] == nil)
            // But may not verify the log.
            #expect(try daemon.cli(["audit", "verify"], asUID: Self.clerk).status == 77)
        }
    }

    @Test(.disabled(if: Self.skipReason != nil, Comment(rawValue: Self.skipReason ?? "")))
    func aViewerReadsWithoutBadRecordsAndMayNotWrite() async throws {
        try await Self.withDaemon { daemon in
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"]).status == 0)
            #expect(
                try daemon.cli(["customer", "flag", "c1", "--kind", "default", "--source", "bureau", "--detail", "90 days"])
                    .status == 0)

            // What the daemon sends (raw), and what the CLI prints, for show and list.
            let show = try Self.object(try daemon.cli(["call", "customer.show", #"{"id":"c1"}"#], asUID: Self.viewer).stdout)
            let customer = try #require(show["customer"] as? [String: Any])
            #expect(customer["name"] as? String == "Acme Ltd")
            #expect(customer["version"] as? Int == 2)
            #expect(customer["openFlags"] == nil)
            #expect(customer["lastFlaggedAt"] == nil)
            #expect(show["withheld"] as? [String] == ["badRecords"])
            let printed = try Self.object(try daemon.cli(["customer", "show", "c1", "--json"], asUID: Self.viewer).stdout)
            #expect((printed["customer"] as? [String: Any])?["openFlags"] == nil)
            let text = try daemon.cli(["customer", "show", "c1"], asUID: Self.viewer).stdout
            #expect(text.contains("withheld from your role"))
            #expect(!text.contains("last flagged"))

            let list = try Self.object(try daemon.cli(["call", "customer.list"], asUID: Self.viewer).stdout)
            let listed = try #require((list["customers"] as? [[String: Any]])?.first)
            #expect(listed["openFlags"] == nil)
            #expect(listed["lastFlaggedAt"] == nil)

            // The flag event stays in the log, without its payload; other payloads stay.
            let log = try Self.object(try daemon.cli(["call", "log.read"], asUID: Self.viewer).stdout)
            let events = try #require(log["events"] as? [[String: Any]])
            #expect(events.map { $0["type"] as? String } == ["CustomerRegistered", "Withheld"])
            #expect(events[0]["data"] is [String: Any])
            #expect(events[1]["data"] is NSNull)
            #expect(events[1]["salt"] == nil)
            #expect(!String(describing: log).contains("90 days"))
            // `withheld` names every kind log.read may hold that the role may not see, whatever the page holds.
            #expect(log["withheld"] as? [String] == ["badRecords", "creditLimits", "internalRatings"])

            let register = try daemon.cli(
                ["customer", "add", "c2", "--name", "B", "--kind", "individual", "--json"], asUID: Self.viewer)
            #expect(register.status == 77)
            let error = try JSONDecoder().decode(WireError.self, from: Data(register.stderr.utf8))
            #expect(error.details?["role"] == .string("viewer"))
            #expect(error.message.contains("customer.register"))
        }
    }
}
