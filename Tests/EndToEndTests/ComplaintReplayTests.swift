import DossierTesting
import Foundation
import Testing

@Suite("audit.replay after every kind of complaint event, through the real CLI and daemon")
struct ComplaintReplayTests {
    /// Every event type of the complaint room, as the log names them.
    static let types: Set<String> = [
        "ComplaintFiled", "ComplaintAcknowledged", "ComplaintHandedOver", "ComplaintInvestigationStarted",
        "ComplaintTemporaryMeasureTaken", "ComplaintResolved", "ComplaintRevisited", "ComplaintClosed",
        "ComplaintRejected", "ComplaintWithdrawn", "ComplaintReturned", "ComplaintReopened", "ComplaintEscalated",
        "ComplaintExtensionRequested", "ComplaintExtensionGranted", "ComplaintExtensionRefused", "ComplaintClockPaused",
        "ComplaintClockResumed", "ComplaintOutcomeRecorded", "ComplaintCompensationProposed",
        "ComplaintCompensationApproved", "ComplaintCompensationRefused", "ComplaintEightDStepRecorded",
        "ComplaintLinkedToIncident", "GroupIncidentRaised", "GroupIncidentJoined",
    ]

    @Test(.disabled(if: ComplaintDaemon.skipReason != nil, Comment(rawValue: ComplaintDaemon.skipReason ?? "")))
    func theProjectionsEqualAReplayAfterAWorkloadOfEveryEventType() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1", "c2", "c3", "c4", "c5", "c6")
            let clerk = ComplaintDaemon.clerk
            let approver = ComplaintDaemon.approver
            // A group incident, raised and joined; a duplicate; a late attitude complaint; an anonymous one.
            for customer in ["c1", "c2", "c3", "c4", "c5", "c6"] { _ = try d.file(customer, subject: "card outage") }
            _ = try d.file("c1", subject: "card outage")
            try d.ok([
                "complaint", "file", "--customer", "c2", "--type", "attitude", "--channel", "counter", "--level", "L3",
                "--subject", "rude", "--incident-at", "2020-01-01T10:00:00Z",
            ])
            _ = try d.file(nil, subject: "lobby", channel: "comment_book")

            // A quality complaint through every step, then reopened.
            let n = try d.file("c3", subject: "chip fails", type: "quality", as: clerk)
            let until = ["--until", "2030-01-01T00:00:00Z", "--customer-consent", "--reason", "lab tests"]
            let steps: [([String], UInt32)] = [
                (["acknowledge", n], clerk), (["pause", n, "--reason", "statement"], clerk), (["resume", n], clerk),
                (["request-extension", n] + until, clerk), (["decide-extension", n, "grant"], approver),
                (["assign", n, "--to", "carol"], clerk), (["escalate", n, "--level", "L2", "--reason", "press"], clerk),
                (["investigate", n], clerk), (["temporary-measure", n, "--measure", "new card"], clerk),
                (["eight-d", n, "--step", "D3", "--owner", "qa", "--text", "held"], clerk),
                (["eight-d", n, "--step", "D5", "--owner", "qa", "--text", "fixed"], clerk),
                (["record-outcome", n, "--responsibility", "ours", "--loss", "300"], clerk),
                (["propose-compensation", n, "--kind", "replacement", "--amount", "300"], clerk),
                (["decide-compensation", n, "refuse"], approver),
                (["propose-compensation", n, "--kind", "payment", "--amount", "200"], clerk),
                (["decide-compensation", n, "approve"], approver),
                (["resolve", n, "--result", "replaced"], clerk), (["revisit", n, "--satisfaction", "satisfied"], clerk),
                (["close", n], clerk), (["reopen", n, "--reason", "failed again"], clerk),
            ]
            for (step, uid) in steps { try d.ok(["complaint"] + step, as: uid) }

            // The side ways: a refused extension and a withdrawal, a return, a rejection.
            let withdrawn = try d.file("c4", subject: "wire delay", as: clerk)
            try d.ok(["complaint", "request-extension", withdrawn] + until, as: clerk)
            try d.ok(["complaint", "decide-extension", withdrawn, "refuse"], as: approver)
            try d.ok(["complaint", "withdraw", withdrawn], as: clerk)
            try d.ok(["complaint", "return", try d.file("c5", subject: "insurance"), "--reason", "insurer's"])
            try d.ok(["complaint", "reject", try d.file("c6", subject: "threats"), "--rule", "provocation", "--note", "threats"])

            let events = try #require(try d.ok(["events", "--limit", "1000"])["events"] as? [[String: Any]])
            let seen = Set(events.compactMap { $0["type"] as? String })
            #expect(seen.isSuperset(of: Self.types), "missing \(Self.types.subtracting(seen).sorted())")
            let replay = try d.ok(["audit", "replay"])
            #expect(replay["matches"] as? Bool == true, "\(replay)")
            #expect((replay["rows"] as? Int ?? 0) > 0)
            let verify = try d.ok(["audit", "verify"])
            #expect(verify["intact"] as? Bool == true)
        }
    }
}
