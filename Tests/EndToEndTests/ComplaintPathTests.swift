import DossierTesting
import Foundation
import Testing

/// Every path of a complaint through the real `dossierd` and the real `dossier`.
@Suite("Complaint paths through the real CLI and daemon")
struct ComplaintPathTests {
    @Test func anL3ComplaintGoesFromReceiptToClose() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "card annual fee")
            var complaint = try d.complaint(["complaint", "show", n])
            #expect(complaint["status"] as? String == "received")
            let basis = try #require(complaint["basis"] as? [String: Any])
            #expect(basis["level"] as? String == "L3" && basis["resolveWithin"] as? String == "5wd")
            #expect((basis["calendar"] as? String)?.hasPrefix("cal-") == true)
            for step in [
                ["acknowledge", n, "--note", "called back"], ["assign", n, "--to", "li.na"], ["investigate", n],
                ["resolve", n, "--result", "fee refunded", "--satisfaction", "satisfied"],
                ["revisit", n, "--satisfaction", "very_satisfied"], ["close", n],
            ] {
                complaint = try d.complaint(["complaint"] + step)
            }
            #expect(complaint["status"] as? String == "closed")
            #expect(complaint["owner"] as? String == "li.na" && complaint["handovers"] as? Int == 1)
            #expect(complaint["revisitSatisfaction"] as? String == "very_satisfied")
            // A closed complaint never changes.
            try d.refused(["complaint", "acknowledge", n], rule: "complaint.lifecycle")
            let text = try d.daemon.cli(["complaint", "show", n])
            #expect(text.stdout.contains("closed") && text.stdout.contains("deadlines under"), "\(text.stdout)")
            let events = try d.ok(["events", "--stream", "complaint-\(n)"])
            let types = (events["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
            #expect(
                types == [
                    "ComplaintFiled", "ComplaintAcknowledged", "ComplaintHandedOver", "ComplaintInvestigationStarted",
                    "ComplaintResolved", "ComplaintRevisited", "ComplaintClosed",
                ])
        }
    }

    @Test func anIllegalMoveNamesTheStateTheActionAndWhatIsAllowed() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "queue")
            let error = try d.refused(["complaint", "resolve", n, "--result", "x"], rule: "complaint.lifecycle")
            let details = try #require(error["details"] as? [String: Any])
            #expect(details["state"] as? String == "received" && details["action"] as? String == "resolve")
            #expect(
                details["allowed"] as? String == "acknowledge,reject,escalate,withdraw,return,pause,request_extension")
        }
    }

    @Test func anEscalationRaisesTheLevelAndCountsTheDeadlinesAgain() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "mortgage rate", level: "L4")
            let before = try d.complaint(["complaint", "show", n])
            let after = try d.complaint(["complaint", "escalate", n, "--level", "L2", "--reason", "claim over 50000"])
            #expect(after["level"] as? String == "L2" && after["escalations"] as? Int == 1)
            #expect((after["basis"] as? [String: Any])?["respondWithin"] as? String == "4h")
            #expect((after["respondBy"] as? String) != (before["respondBy"] as? String))
            try d.refused(
                ["complaint", "escalate", n, "--level", "L3", "--reason", "x"],
                rule: "complaint.escalation_raises_level")
        }
    }

    @Test(.disabled(if: ComplaintDaemon.skipReason != nil, Comment(rawValue: ComplaintDaemon.skipReason ?? "")))
    func anExtensionIsRefusedForTheRequesterAndGrantedByAnotherApprover() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "documents from abroad", as: ComplaintDaemon.approver)
            try d.refused(
                ["complaint", "request-extension", n, "--reason", "abroad", "--until", "2030-01-01T00:00:00Z"],
                as: ComplaintDaemon.approver, rule: "complaint.extension_consent")
            try d.ok(
                [
                    "complaint", "request-extension", n, "--reason", "abroad", "--customer-consent", "--until",
                    "2030-01-01T00:00:00Z",
                ], as: ComplaintDaemon.approver)
            let own = try d.refused(
                ["complaint", "decide-extension", n, "grant"], as: ComplaintDaemon.approver, rule: "complaint.four_eyes"
            )
            #expect((own["details"] as? [String: Any])?["proposer"] as? String == "uid\(ComplaintDaemon.approver)")
            // A clerk may not decide extensions at all.
            try d.refused(["complaint", "decide-extension", n, "grant"], as: ComplaintDaemon.clerk, status: 77)
            let granted = try d.complaint(
                ["complaint", "decide-extension", n, "grant"], as: ComplaintDaemon.otherApprover)
            #expect(granted["resolveBy"] as? String == "2030-01-01T00:00:00.000Z")
            #expect(granted["extendedUntil"] as? String == "2030-01-01T00:00:00.000Z")
        }
    }

    @Test func anAttitudeComplaintAMonthLateIsRejectedAsInvalid() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let complaint = try d.complaint(
                [
                    "complaint", "file", "--customer", "c1", "--type", "attitude", "--channel", "counter", "--level",
                    "L3",
                    "--subject", "rude teller", "--incident-at", "2020-01-06T10:00:00+08:00",
                ])
            #expect(complaint["status"] as? String == "rejected")
            #expect(complaint["rejectedUnder"] as? String == "complaint.invalid_late_attitude")
            let n = try #require(complaint["number"] as? String)
            let events = try d.ok(["events", "--stream", "complaint-\(n)"])["events"] as? [[String: Any]]
            let rejection = try #require(events?.last?["data"] as? [String: Any])
            #expect(
                rejection["automatic"] as? Bool == true
                    && rejection["rule"] as? String == "complaint.invalid_late_attitude")
            // A handler's judgement cites its rule too.
            let other = try d.file("c1", subject: "threats at the branch")
            let judged = try d.complaint([
                "complaint", "reject", other, "--rule", "provocation", "--note", "threatened staff",
            ])
            #expect(judged["rejectedUnder"] as? String == "complaint.invalid_provocation")
        }
    }

    @Test func anAnonymousComplaintNeedsNoCustomer() async throws {
        try await ComplaintDaemon.with { d in
            let n = try d.file(nil, subject: "dirty lobby", channel: "comment_book")
            var complaint = try d.complaint(["complaint", "show", n])
            #expect(complaint["customer"] == nil && complaint["anonymous"] as? Bool == true)
            #expect(complaint["channel"] as? String == "comment_book")
            for step in [
                ["acknowledge", n], ["assign", n, "--to", "facilities"], ["investigate", n],
                ["resolve", n, "--result", "cleaned"], ["close", n],
            ] {
                complaint = try d.complaint(["complaint"] + step)
            }
            #expect(complaint["status"] as? String == "closed")
            // A named complaint still needs a registered customer.
            try d.refused([
                "complaint", "file", "--type", "service", "--channel", "web", "--level", "L3", "--subject", "x",
            ])
        }
    }

    @Test func aReopenedComplaintIsANewOneLinkedBothWays() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "loan statement")
            for step in [
                ["acknowledge", n], ["assign", n, "--to", "bob"], ["investigate", n],
                ["resolve", n, "--result", "corrected"], ["revisit", n, "--satisfaction", "satisfied"], ["close", n],
            ] {
                try d.ok(["complaint"] + step)
            }
            let reopened = try d.complaint(["complaint", "reopen", n, "--reason", "wrong again", "--level", "L2"])
            let newNumber = try #require(reopened["number"] as? String)
            #expect(newNumber != n && reopened["reopenedFrom"] as? String == n && reopened["level"] as? String == "L2")
            let original = try d.complaint(["complaint", "show", n])
            #expect(original["reopenedAs"] as? String == newNumber && original["status"] as? String == "closed")
            try d.refused(["complaint", "reopen", n, "--reason", "again"], rule: "complaint.lifecycle")
        }
    }

    @Test func anEightDComplaintCannotCloseWithoutD3AndD5() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "card chip fails", type: "quality")
            for step in [
                ["acknowledge", n], ["assign", n, "--to", "qa"], ["investigate", n],
                ["resolve", n, "--result", "card replaced"], ["revisit", n, "--satisfaction", "satisfied"],
            ] {
                try d.ok(["complaint"] + step)
            }
            let error = try d.refused(["complaint", "close", n], rule: "complaint.eight_d_before_close")
            #expect((error["details"] as? [String: Any])?["missing"] as? String == "D3,D5")
            try d.ok(["complaint", "eight-d", n, "--step", "D3", "--owner", "qa.lead", "--text", "batch quarantined"])
            try d.refused(["complaint", "close", n], rule: "complaint.eight_d_before_close")
            try d.ok(["complaint", "eight-d", n, "--step", "D5", "--owner", "qa.lead", "--text", "supplier changed"])
            let d8 = try d.complaint([
                "complaint", "eight-d", n, "--step", "D8", "--owner", "qa.lead", "--text", "thanks",
            ])
            #expect(d8["eightDTrackingUntil"] != nil)
            #expect(try d.complaint(["complaint", "close", n])["status"] as? String == "closed")
            // Other types keep no 8D record.
            let service = try d.file("c1", subject: "queue")
            try d.refused(
                ["complaint", "eight-d", service, "--step", "D1", "--owner", "x", "--text", "x"],
                rule: "complaint.lifecycle")
        }
    }

    @Test(.disabled(if: ComplaintDaemon.skipReason != nil, Comment(rawValue: ComplaintDaemon.skipReason ?? "")))
    func compensationAboveAClerksBandWaitsForAnApprover() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let n = try d.file("c1", subject: "lost transfer", as: ComplaintDaemon.clerk)
            for step in [["acknowledge", n], ["assign", n, "--to", "bob"], ["investigate", n]] {
                try d.ok(["complaint"] + step, as: ComplaintDaemon.clerk)
            }
            try d.ok(
                [
                    "complaint", "record-outcome", n, "--responsibility", "third_party", "--our-share-percent", "60",
                    "--loss",
                    "20000",
                ], as: ComplaintDaemon.clerk)
            let proposed = try d.complaint(
                ["complaint", "propose-compensation", n, "--kind", "payment", "--amount", "20000"],
                as: ComplaintDaemon.clerk)
            let compensation = try #require(proposed["compensation"] as? [String: Any])
            #expect(
                compensation["authorityNeeded"] as? String == "manager"
                    && compensation["decision"] as? String == "pending")
            #expect(compensation["ourShare"] as? String == "12000.00")
            try d.refused(
                ["complaint", "propose-compensation", n, "--kind", "discount", "--amount", "10"],
                as: ComplaintDaemon.clerk,
                rule: "complaint.compensation_pending")
            try d.refused(
                ["complaint", "decide-compensation", n, "approve"], as: ComplaintDaemon.clerk,
                rule: "complaint.four_eyes")
            try d.refused(
                ["complaint", "decide-compensation", n, "approve"], as: ComplaintDaemon.otherClerk,
                rule: "complaint.compensation_authority")
            try d.refused(["complaint", "close", n], as: ComplaintDaemon.clerk, rule: "complaint.lifecycle")
            let approved = try d.complaint(
                ["complaint", "decide-compensation", n, "approve"], as: ComplaintDaemon.approver)
            let decided = try #require(approved["compensation"] as? [String: Any])
            #expect(decided["decision"] as? String == "approved")
            #expect(decided["decidedBy"] as? String == "uid\(ComplaintDaemon.approver)")
        }
    }

    @Test func aPausedClockMovesTheDeadlinesAndSideWaysEndAComplaint() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1", "c2")
            let n = try d.file("c1", subject: "statement missing")
            try d.ok(["complaint", "pause", n, "--reason", "waiting for the statement"])
            try d.refused(["complaint", "pause", n, "--reason", "again"], rule: "complaint.lifecycle")
            let resumed = try d.complaint(["complaint", "resume", n])
            #expect(resumed["pausedSince"] == nil && resumed["pausedWorkingMilliseconds"] != nil)
            #expect(
                try d.complaint(["complaint", "withdraw", n, "--reason", "found it"])["status"] as? String
                    == "withdrawn")
            let other = try d.file("c2", subject: "insurance payout")
            let returned = try d.complaint(["complaint", "return", other, "--reason", "the insurer's product"])
            #expect(
                returned["status"] as? String == "returned"
                    && returned["endReason"] as? String == "the insurer's product")
        }
    }
}
