import DossierTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Group incidents, due lists, the customer dossier and reloads through the real CLI and daemon")
struct ComplaintGroupAndDueTests {
    @Test func fiveCustomersAboutOneSubjectMakeAGroupIncidentThatLaterOnesJoin() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1", "c2", "c3", "c4", "c5", "c6")
            var numbers: [String] = []
            for customer in ["c1", "c2", "c3", "c4"] {
                numbers.append(try d.file(customer, subject: "Mobile banking outage"))
                #expect(try d.complaint(["complaint", "show", numbers.last!])["incident"] == nil)
            }
            let fifth = try d.complaint(
                [
                    "complaint", "file", "--customer", "c5", "--type", "service", "--channel", "app", "--level", "L4",
                    "--subject", "mobile banking  OUTAGE",
                ])
            let id = try #require(fifth["incident"] as? String)
            #expect(fifth["level"] as? String == "L2" && fifth["scope"] as? String == "group")
            for number in numbers {
                let linked = try d.complaint(["complaint", "show", number])
                #expect(linked["incident"] as? String == id && linked["level"] as? String == "L2")
            }
            let incident = try #require(try d.ok(["complaint", "incident", id])["incident"] as? [String: Any])
            #expect((incident["complaints"] as? [String])?.count == 5)
            #expect(incident["reportToRegulator"] as? Bool == true && incident["reportBy"] != nil)
            let sixth = try d.file("c6", subject: "mobile banking outage")
            #expect(try d.complaint(["complaint", "show", sixth])["incident"] as? String == id)
            #expect(
                ((try d.ok(["complaint", "incident", id])["incident"] as? [String: Any])?["complaints"] as? [String])?
                    .count == 6)
            let text = try d.daemon.cli(["complaint", "incident", id])
            #expect(text.stdout.contains("report to regulator  yes"), "\(text.stdout)")
        }
    }

    @Test func fiveConcurrentFilingsMakeExactlyOneIncident() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1", "c2", "c3", "c4", "c5")
            let outputs = LockedBox([String: ProcessOutput]())
            DispatchQueue.concurrentPerform(iterations: 5) { index in
                let output = try? d.run([
                    "complaint", "file", "--customer", "c\(index + 1)", "--type", "product", "--channel", "web",
                    "--level", "L3", "--subject", "ATM network down",
                ])
                outputs.withLock { $0["c\(index + 1)"] = output }
            }
            let results = outputs.withLock { $0 }
            #expect(results.count == 5 && results.values.allSatisfy { $0.status == 0 }, "\(results)")
            let listed = try d.ok(["complaint", "list", "--limit", "100"])
            let complaints = try #require(listed["complaints"] as? [[String: Any]])
            let incidents = Set(complaints.compactMap { $0["incident"] as? String })
            #expect(complaints.count == 5 && incidents.count == 1, "\(complaints)")
            let events = try d.ok(["events", "--limit", "1000"])["events"] as? [[String: Any]] ?? []
            #expect(events.filter { $0["type"] as? String == "GroupIncidentRaised" }.count == 1)
            let replay = try d.daemon.cli(["audit", "replay"])
            #expect(replay.status == 0 && replay.stdout.contains("projections equal a replay"), "\(replay.stdout)")
        }
    }

    /// The daemon's clock at Tuesday 10 March 2026, 10:00 in Shanghai.
    @Test func theDueListAtAFixedClockShowsWhatIsOverdueAndDueTodayPerOwner() async throws {
        try await ComplaintDaemon.with(clock: "2026-03-10T02:00:00Z") { d in
            try d.register("c1", "c2", "c3")
            // L1 received Monday 09:00: answered, handed over, unresolved since Monday 11:00.
            let late = try d.file(
                "c1", subject: "atm kept card", level: "L1", extra: ["--received-at", "2026-03-09T09:00:00+08:00"])
            try d.ok(["complaint", "acknowledge", late])
            try d.ok(["complaint", "assign", late, "--to", "li.na"])
            // L3 received Monday 10:30: to be answered by 10:30 today.
            let today = try d.file("c2", subject: "fees", extra: ["--received-at", "2026-03-09T10:30:00+08:00"])
            // L4 received now: nothing due for days.
            let calm = try d.file("c3", subject: "branch hours", level: "L4")

            let overdue = try d.ok(["complaint", "list", "--overdue"])
            #expect((overdue["complaints"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == [late])
            #expect(
                overdue["asOf"] as? String == "2026-03-10T02:00:00.000Z"
                    || (overdue["asOf"] as? String)?.hasPrefix("2026-03-10T02:0") == true)
            let due = try #require((overdue["due"] as? [[String: Any]])?.first)
            #expect(due["nextClock"] as? String == "resolve" && due["resolutionBreached"] as? Bool == true)
            #expect(due["responseBreached"] as? Bool == true)

            let dueToday = try d.ok(["complaint", "list", "--due-today"])
            let todayNumbers = (dueToday["complaints"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
            #expect(todayNumbers == [late, today])
            let breached = try d.ok(["complaint", "list", "--breached"])
            #expect((breached["complaints"] as? [[String: Any]])?.count == 1)

            let text = try d.daemon.cli(["complaint", "due"])
            #expect(text.status == 0, "\(text.stderr)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            let liNa = try #require(lines.firstIndex(of: "li.na:"), "\(text.stdout)")
            let root = try #require(lines.firstIndex(of: "root:"), "\(text.stdout)")
            #expect(lines[liNa + 1] == "  overdue:" && lines[liNa + 2].contains(late))
            #expect(
                lines[root + 1] == "  due today:" && lines[root + 2].contains(today)
                    && lines[root + 2].contains("respond"))
            #expect(!text.stdout.contains(calm))
        }
    }

    @Test func theCustomerDossierListsTheCustomersComplaints() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1", "c2")
            let first = try d.file("c1", subject: "card fees")
            let second = try d.file("c1", subject: "loan rate", level: "L2")
            let other = try d.file("c2", subject: "queue")
            try d.ok(["complaint", "acknowledge", first])
            let shown = try d.daemon.cli(["customer", "show", "c1"])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("complaints (2):"), "\(shown.stdout)")
            let rows = shown.stdout.split(separator: "\n").filter { $0.hasPrefix("HQ") }
            #expect(rows.count == 2 && rows[0].contains(first) && rows[0].contains("acknowledged"))
            #expect(rows[1].contains(second) && rows[1].contains("received") && rows[1].contains("L2"))
            #expect(!shown.stdout.contains(other))
            #expect(try d.daemon.cli(["customer", "show", "c2"]).stdout.contains("complaints (1):"))
        }
    }

    @Test func aReloadedPolicyAppliesToNewDecisionsOnlyAndEachRecordsItsRule() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let before = try d.complaint(["complaint", "show", try d.file("c1", subject: "first")])
            let config = d.daemon.extraArguments[1]
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try
                (text + """

                    [policy.complaints.service_levels]
                    L3 = { respond = "8wh", resolve = "16wh" }
                    [policy.calendar]
                    holidays = ["2030-01-02"]
                    working_hours = ["08:30-12:00", "13:30-18:00"]
                    """).write(toFile: config, atomically: true, encoding: .utf8)
            let check = try ProcessRunner.run(BuiltProducts.dossierd, ["--config", config, "--check-config"])
            kill(try #require(d.daemon.pid), SIGHUP)
            let deadline = Date().addingTimeInterval(10)
            while !d.daemon.log.contains("config reloaded"), Date() < deadline { usleep(20_000) }
            #expect(d.daemon.log.contains("policy.calendar.working_hours"), "\(d.daemon.log)")
            let after = try d.complaint(["complaint", "show", try d.file("c1", subject: "second")])
            let oldBasis = try #require(before["basis"] as? [String: Any])
            let newBasis = try #require(after["basis"] as? [String: Any])
            #expect(oldBasis["resolveWithin"] as? String == "5wd" && newBasis["resolveWithin"] as? String == "16wh")
            #expect(oldBasis["calendar"] as? String != newBasis["calendar"] as? String)
            // --check-config names the calendar version the new deadlines record.
            let version = try #require(newBasis["calendar"] as? String)
            #expect(check.stdout.contains("# policy.calendar version \(version)"), "\(check.stdout)")
            // The first complaint keeps the deadlines its own rule set.
            let reread = try d.complaint(["complaint", "show", before["number"] as! String])
            #expect(reread["resolveBy"] as? String == before["resolveBy"] as? String)
            #expect((reread["basis"] as? [String: Any])?["calendar"] as? String == oldBasis["calendar"] as? String)
        }
    }

    @Test func statisticsComeAsATableWithBarsAsCSVAndAsJSON() async throws {
        try await ComplaintDaemon.with(clock: "2026-11-20T02:00:00Z") { d in
            try d.register("c1", "c2")
            _ = try d.file("c1", subject: "fees", type: "fees", extra: ["--received-at", "2026-11-02T10:00:00+08:00"])
            _ = try d.file("c1", subject: "rates", type: "fees", extra: ["--received-at", "2026-11-03T10:00:00+08:00"])
            let answered = try d.file("c2", subject: "queue", level: "L2")
            try d.ok(["complaint", "acknowledge", answered])
            _ = try d.file(nil, subject: "lobby", extra: ["--received-at", "2026-10-31T10:00:00+08:00"])
            let statistics = try #require(
                try d.ok(["complaint", "stats", "--month", "2026-11"])["statistics"] as? [String: Any])
            #expect(statistics["total"] as? Int == 3 && statistics["reportDueBy"] as? String == "2026-12-10")
            #expect(statistics["byType"] as? [String: Int] == ["fees": 2, "service": 1])
            let response = try #require(statistics["response"] as? [String: Any])
            #expect(response["measured"] as? Int == 3 && response["onTime"] as? Int == 1)
            #expect((statistics["repeatComplainers"] as? [[String: Any]])?.first?["customer"] as? String == "c1")

            let table = try d.daemon.cli(["complaint", "stats", "--month", "2026-11"])
            #expect(table.stdout.contains("complaints received 2026-11-01 to 2026-11-30: 3"), "\(table.stdout)")
            #expect(table.stdout.contains("response on time:   33.3% (1 of 3)"), "\(table.stdout)")
            let feesBar = table.stdout.split(separator: "\n").first { $0.hasPrefix("  fees") }
            #expect(feesBar?.hasSuffix(String(repeating: "█", count: 40)) == true, "\(table.stdout)")
            let csv = try d.daemon.cli(["complaint", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--csv"])
            let lines = csv.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "section,key,value")
            #expect(
                lines.contains("by_type,fees,2") && lines.contains("response,percent,33.3")
                    && lines.contains("total,complaints,3"))
            try d.refused(["complaint", "stats", "--month", "2026-13"])
        }
    }
}

/// A lock around a value shared by the threads of `concurrentPerform`.
final class LockedBox<Value>: @unchecked Sendable {
    // Guard: `lock` around every access of `value`.
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        self.lock.lock()
        defer { self.lock.unlock() }
        return body(&self.value)
    }
}
