import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing

/// Regression tests for what the protocol fuzzer (`dossier-fuzz`) found.
@Suite("Protocol fuzzer findings")
struct FuzzFindingsTests {
    static func json(_ line: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    /// A read pipelined after a write must see it even when a line answered at once (garbage,
    /// an unknown method, an over-long line) comes between them: such an error reply completes
    /// immediately and used to let the read run before the write's commit.
    @Test(arguments: ["garbage", "unknown method", "over-long line"])
    func aReadAfterAWriteAndAnErrorSeesTheWrite(between kind: String) async throws {
        let between = [
            "garbage": "garbage", "unknown method": #"{"id":9,"method":"no.such"}"#,
            "over-long line": String(repeating: "x", count: (1 << 20) + 1),
        ][kind]!
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            for round in 0..<20 {
                try connection.send(
                    line: Array(#"{"id":1,"method":"customer.register","params":{"id":"p\#(round)","name":"P","kind":"individual"}}"#.utf8))
                try connection.send(line: Array(between.utf8))
                try connection.send(line: Array(#"{"id":3,"method":"customer.show","params":{"id":"p\#(round)"}}"#.utf8))
                let replies = try (0..<3).map { _ in try Self.json(connection.receiveLine()) }
                #expect(replies[0]["error"] == nil)
                #expect(replies[1]["error"] != nil)
                #expect(replies[2]["error"] == nil, "round \(round): the read ran before the write it follows")
            }
        }
    }
}
