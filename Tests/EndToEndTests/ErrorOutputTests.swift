import DossierProtocol
import DossierTesting
import Foundation
import Testing

/// The real `dossier` against a scripted stand-in for the daemon, for answers a real daemon
/// gives only in states hard to bring about in a test: an internal failure, a full disk or
/// log, a connection closed before the reply.
@Suite("What the CLI prints for each kind of failure")
struct ErrorOutputTests {
    static let register = ["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"]

    /// Runs `body` with a server that answers every request with `reply` (nil: closes without one).
    static func withServer(replying reply: String?, _ body: (ScriptedServer) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let server = try ScriptedServer(socketPath: directory.appending("d.sock")) { _ in reply }
            defer { server.stop() }
            try body(server)
        }
    }

    static func cli(_ server: ScriptedServer, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(BuiltProducts.dossier, ["--socket", server.socketPath] + arguments)
    }

    @Test func anInternalErrorShowsItsIncidentInText() async throws {
        let reply = #"{"id":1,"error":{"code":"dossier.Internal","message":"the daemon failed to handle the request; quote the incident id to the operator","details":{"incident":"6c1d2f0e-aa51-4a5e-9d1c-3b0f4e2a7c11"}}}"#
        try await Self.withServer(replying: reply) { server in
            let show = try Self.cli(server, ["customer", "show", "c1"])
            #expect(show.status == 70)
            #expect(
                show.stderr
                    == "error: dossier.Internal: the daemon failed to handle the request; quote the incident id to the "
                    + "operator (incident 6c1d2f0e-aa51-4a5e-9d1c-3b0f4e2a7c11)\n")
        }
    }

    @Test(arguments: [
        ("disk", "the disk of the daemon's data directory is full"),
        ("map", "the log reached its maximum size, store.max_map_size"),
    ])
    func aFullStoreExitsWithIOErrorAndSaysWhatIsFull(reason: String, explanation: String) async throws {
        let reply = #"{"id":1,"error":{"code":"dossier.StorageFull","message":"the log is full","details":{"reason":"\#(reason)"}}}"#
        try await Self.withServer(replying: reply) { server in
            let add = try Self.cli(server, Self.register)
            #expect(add.status == 74)
            #expect(add.stderr.hasPrefix("error: dossier.StorageFull: the log is full\ndossier: \(explanation)"), "\(add.stderr)")
            // The daemon answered: nothing is uncertain, so no request id.
            #expect(!add.stderr.contains("request id"))
        }
    }

    @Test func aWriteCutOffBeforeTheReplyNamesTheRequestIdItSent() async throws {
        try await Self.withServer(replying: nil) { server in
            let add = try Self.cli(server, Self.register + ["--retry", "2"])
            #expect(add.status == 75)
            #expect(add.stderr.contains("closed the connection before answering"))
            #expect(add.stderr.contains("(sent 3 times)"))
            let printed = try UncertainWriteTests.requestID(in: add.stderr)
            // Every attempt carried that one id.
            let sent = try server.requests.map { line in
                let request = try JSONDecoder().decode(ParamsEnvelope<RegisterCustomerParams>.self, from: Data(line.utf8))
                return try #require(request.params?.requestId)
            }
            #expect(sent == [printed, printed, printed])

            // A read is simply retried by hand: no request id.
            let show = try Self.cli(server, ["customer", "show", "c1"])
            #expect(show.status == 75)
            #expect(!show.stderr.contains("request id"))
            #expect(!show.stderr.contains("may have been applied"))
        }
    }
}
