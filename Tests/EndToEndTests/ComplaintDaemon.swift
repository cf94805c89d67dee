import DossierTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real daemon for the complaint tests, driven by the real `dossier`: users by uid (run
/// through `setpriv`, see `OtherUsers`) with roles, a clock set for tests, and JSON results.
struct ComplaintDaemon {
    /// Two clerks and two approvers, as the four-eyes rules need them.
    static let clerk: UInt32 = 62_001
    static let otherClerk: UInt32 = 62_002
    static let approver: UInt32 = 62_003
    static let otherApprover: UInt32 = 62_004

    let daemon: DaemonProcess

    /// Runs `body` with a daemon whose socket the test users may open; `clock` starts the
    /// daemon's clock at that RFC 3339 time; `toml` is more configuration.
    static func with(clock: String? = nil, toml: String = "", _ body: (ComplaintDaemon) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            // The other uids must reach the socket: search permission on its directory.
            #expect(chmod(directory.path, 0o711) == 0)
            let config = try DaemonProcess.configArguments(
                """
                [server]
                socket_mode = "0666"
                [access]
                users = { "\(Self.clerk)" = "clerk", "\(Self.otherClerk)" = "clerk", "\(Self.approver)" = "approver", "\(Self.otherApprover)" = "approver" }
                \(toml)
                """, in: directory)
            let daemon = DaemonProcess(
                directory: directory, extraArguments: config,
                environment: clock.map { ["DOSSIERD_TEST_CLOCK": $0] } ?? [:])
            try daemon.start()
            defer { daemon.stop() }
            try body(ComplaintDaemon(daemon: daemon))
        }
    }

    /// `dossier --json ARGUMENTS`, as root (admin) or as `uid`.
    func run(_ arguments: [String], as uid: UInt32? = nil) throws -> ProcessOutput {
        let arguments = ["--json"] + arguments
        return try uid.map { try self.daemon.cli(arguments, asUID: $0) } ?? self.daemon.cli(arguments)
    }

    /// Runs and requires success; returns the result object.
    @discardableResult
    func ok(
        _ arguments: [String], as uid: UInt32? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws
        -> [String: Any]
    {
        let output = try self.run(arguments, as: uid)
        #expect(output.status == 0, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        return try Self.object(output.stdout)
    }

    /// Runs and requires a refusal with exit `status` naming `rule` (when given); returns the error object.
    @discardableResult
    func refused(
        _ arguments: [String], as uid: UInt32? = nil, status: Int32 = 65, rule: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let output = try self.run(arguments, as: uid)
        #expect(
            output.status == status, "\(arguments): \(output.stdout) \(output.stderr)", sourceLocation: sourceLocation)
        let error = try Self.object(output.stderr)
        if let rule {
            let details = error["details"] as? [String: Any]
            #expect(details?["rule"] as? String == rule, "\(error)", sourceLocation: sourceLocation)
        }
        return error
    }

    /// The complaint of a result.
    func complaint(
        _ arguments: [String], as uid: UInt32? = nil, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> [String: Any]
    {
        try #require(try self.ok(arguments, as: uid, sourceLocation: sourceLocation)["complaint"] as? [String: Any])
    }

    func register(_ customers: String...) throws {
        for customer in customers {
            try self.ok(["customer", "add", customer, "--name", "Customer \(customer)", "--kind", "individual"])
        }
    }

    /// Files a complaint and returns its number.
    func file(
        _ customer: String?, subject: String, type: String = "service", level: String = "L3", channel: String = "phone",
        extra: [String] = [], as uid: UInt32? = nil
    ) throws -> String {
        let who = customer.map { ["--customer", $0] } ?? ["--anonymous"]
        let complaint = try self.complaint(
            ["complaint", "file"] + who + [
                "--type", type, "--channel", channel, "--level", level, "--subject", subject,
            ]
                + extra, as: uid)
        return try #require(complaint["number"] as? String)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    static let skipReason = OtherUsers.unavailableReason
}
