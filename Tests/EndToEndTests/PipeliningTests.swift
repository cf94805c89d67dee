import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing

/// What a pipelined read sees of its own connection's writes: every earlier one, no later one
/// (docs/PROTOCOL.md, "Pipelining").
@Suite("Pipelining: reads see exactly the earlier writes of their connection")
struct PipeliningTests {
    static func register(_ id: Int, _ customer: String) -> String {
        #"{"id":\#(id),"method":"customer.register","params":"#
            + #"{"id":"\#(customer)","name":"Customer \#(customer)","kind":"individual"}}"#
    }

    static func show(_ id: Int, _ customer: String) -> String {
        #"{"id":\#(id),"method":"customer.show","params":{"id":"\#(customer)"}}"#
    }

    /// Runs `body` with one connection to a fresh daemon.
    static func withConnection(_ body: (DossierConnection) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try body(try daemon.connect())
        }
    }

    /// The `id` of a reply and its error code (nil for a result).
    static func reply(_ line: [UInt8]) throws -> (id: Int?, code: String?) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        return (object["id"] as? Int, (object["error"] as? [String: Any])?["code"] as? String)
    }

    /// Issue 16.6: `register z, register a, show b, register b` in one write: `show b` found b
    /// in 19 of 20 runs, because `register b` was queued to the writer before `show b` ran and
    /// committed with `register a`.
    @Test func aReadPipelinedBeforeAWriteNeverSeesIt() async throws {
        try await Self.withConnection { connection in
            let rounds = 60
            var sawLaterWrite: [Int] = []
            for round in 0..<rounds {
                let base = round * 4
                let lines = [
                    Self.register(base, "z\(round)"), Self.register(base + 1, "a\(round)"),
                    Self.show(base + 2, "b\(round)"), Self.register(base + 3, "b\(round)"),
                ]
                try connection.write(raw: Array(lines.map { $0 + "\n" }.joined().utf8))
                let replies = try (0..<4).map { _ in try Self.reply(connection.receiveLine()) }
                #expect(replies.map(\.id) == [base, base + 1, base + 2, base + 3])
                #expect(replies[0].code == nil && replies[1].code == nil && replies[3].code == nil, "round \(round)")
                if replies[2].code != "dossier.NotFound" { sawLaterWrite.append(round) }
            }
            #expect(sawLaterWrite.isEmpty, "show b saw the later register b in rounds \(sawLaterWrite) of \(rounds)")
            // The later writes did happen.
            let last = try connection.call(
                Method.showCustomer, CustomerIDParams(id: "b\(rounds - 1)"), as: CustomerResult.self)
            #expect(last.customer.id.rawValue == "b\(rounds - 1)")
        }
    }

    /// A read between writes still sees the earlier ones (read-your-writes).
    @Test func aReadPipelinedAfterAWriteSeesIt() async throws {
        try await Self.withConnection { connection in
            for round in 0..<20 {
                let lines = [Self.register(1, "r\(round)"), Self.show(2, "r\(round)"), Self.register(3, "s\(round)")]
                try connection.write(raw: Array(lines.map { $0 + "\n" }.joined().utf8))
                let replies = try (0..<3).map { _ in try Self.reply(connection.receiveLine()) }
                #expect(replies.map(\.code) == [nil, nil, nil], "round \(round)")
            }
        }
    }

    /// Writes pipelined without reads between them still go to the writer together and share
    /// commits (group commit is what makes durable writes fast).
    @Test func pipelinedWritesStillShareCommits() async throws {
        try await Self.withConnection { connection in
            let before = try connection.call(Method.status, NoParams(), as: StatusResult.self).writer
            let writes = 200
            try connection.write(raw: Array((0..<writes).map { Self.register($0, "w\($0)") + "\n" }.joined().utf8))
            for id in 0..<writes {
                let reply = try Self.reply(connection.receiveLine())
                #expect(reply.id == id)
                #expect(reply.code == nil)
            }
            let after = try connection.call(Method.status, NoParams(), as: StatusResult.self).writer
            #expect(after.committedJobs - before.committedJobs == UInt64(writes))
            let commits = after.commits - before.commits
            #expect(commits < UInt64(writes), "\(writes) pipelined writes took \(commits) commits")
            print("\(writes) pipelined writes on one connection: \(commits) commits")
        }
    }
}
