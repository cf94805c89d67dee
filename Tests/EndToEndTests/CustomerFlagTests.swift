import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Flags recorded and resolved through the real CLI and daemon")
struct CustomerFlagTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aFlagIsResolvedOnceAndTheOthersStayOpen() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            for kind in ["overdue_repayment", "default"] {
                let flagged = try daemon.cli(["customer", "flag", "c1", "--kind", kind, "--source", "bureau"])
                #expect(flagged.status == 0, "\(flagged.stderr)")
            }

            let resolved = try daemon.cli(
                ["--json", "customer", "resolve-flag", "c1", "1", "--outcome", "settled", "--note", "repaid"])
            #expect(resolved.status == 0, "\(resolved.stderr)")
            let customer = try #require(try Self.object(resolved.stdout)["customer"] as? [String: Any])
            #expect(customer["openFlags"] as? Int == 1)
            #expect((customer["flags"] as? [[String: Any]])?.map { $0["number"] as? Int } == [2])

            let shown = try daemon.cli(["customer", "show", "c1"])
            #expect(shown.stdout.contains("flag 2"), "\(shown.stdout)")
            #expect(!shown.stdout.contains("flag 1 "), "\(shown.stdout)")

            let again = try daemon.cli(["customer", "resolve-flag", "c1", "1", "--outcome", "settled"])
            #expect(again.status == 65)
            #expect(again.stderr.contains("customer.flag_open"), "\(again.stderr)")
            let missing = try daemon.cli(["customer", "resolve-flag", "c1", "9", "--outcome", "expired"])
            #expect(missing.status == 65)
            #expect(missing.stderr.contains("dossier.NotFound"), "\(missing.stderr)")

            // The projection equals a replay of the log, resolutions included.
            let replay = try daemon.cli(["audit", "replay"])
            #expect(replay.status == 0 && replay.stdout.contains("projections equal a replay"), "\(replay.stdout)")
        }
    }
}
