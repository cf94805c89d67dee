import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Stage and tier over time, and customers by open flag kind, through the real CLI and daemon")
struct CustomerOverTimeTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func stagesTiersAndTheFlaggedListTakeEffect() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            for id in ["c1", "c2"] {
                #expect(
                    try daemon.cli(["customer", "add", id, "--name", "Acme \(id)", "--kind", "corporate"]).status == 0)
            }
            let promoted = try daemon.cli([
                "--json", "customer", "stage", "c1", "--to", "active", "--reason", "promoted",
            ])
            #expect(promoted.status == 0, "\(promoted.stderr)")
            #expect((try Self.object(promoted.stdout)["customer"] as? [String: Any])?["stage"] as? String == "active")
            let skipped = try daemon.cli(["customer", "stage", "c2", "--to", "key", "--reason", "promoted"])
            #expect(skipped.status == 65 && skipped.stderr.contains("customer.stage_path"), "\(skipped.stderr)")
            let paused = try daemon.cli([
                "customer", "stage", "c1", "--to", "prospect", "--reason", "paused", "--note", "dormant",
            ])
            #expect(paused.status == 0, "\(paused.stderr)")

            let tier = try daemon.cli(["customer", "tier", "c1", "--to", "adjusting", "--reason", "committee review"])
            #expect(tier.status == 0 && tier.stdout.contains("adjusting 调整"), "\(tier.stdout)\(tier.stderr)")

            for (id, kind) in [("c1", "guarantee_default"), ("c2", "false_information")] {
                #expect(try daemon.cli(["customer", "flag", id, "--kind", kind, "--source", "bureau"]).status == 0)
            }
            let flagged = try Self.object(
                try daemon.cli(["--json", "customer", "flagged", "--kind", "guarantee_default"]).stdout)
            #expect((flagged["customers"] as? [[String: Any]])?.map { $0["id"] as? String } == ["c1"])

            // The stage and tier changes are events with their actor and reason.
            let events = try Self.object(try daemon.cli(["--json", "events", "--stream", "customer-c1"]).stdout)
            let types = (events["events"] as? [[String: Any]])?.map { $0["type"] as? String }
            #expect(
                types == [
                    "CustomerRegistered", "CustomerStageChanged", "CustomerStageChanged", "CustomerTierChanged",
                    "CustomerFlagged",
                ])
            #expect(try daemon.cli(["audit", "replay"]).status == 0)
        }
    }
}
