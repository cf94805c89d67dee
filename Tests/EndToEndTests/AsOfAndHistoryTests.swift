import DossierCore
import DossierTesting
import Foundation
import Testing

/// `--as-of` on the lists and `dossier history`, through the real CLI and daemon.
@Suite("Lists as of a past time and stream histories, end to end")
struct AsOfAndHistoryTests {
    /// A moment strictly between what was recorded before and what comes after.
    static func moment() throws -> String {
        usleep(20_000)
        defer { usleep(20_000) }
        return Timestamp(Date()).iso8601
    }

    static func numbers(_ result: [String: Any]) -> [String] {
        (result["complaints"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
    }

    @Test func theOverdueListAndTheCustomerListAsOfAPastTime() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let monthAgo = Timestamp(Date().addingTimeInterval(-40 * 86_400)).iso8601
            let late = try d.file("c1", subject: "card fees", extra: ["--received-at", monthAgo])
            let then = try Self.moment()
            try d.ok(["complaint", "withdraw", late, "--reason", "customer called it off"])
            try d.register("c2")
            let fresh = try d.file("c2", subject: "queue")

            #expect(Self.numbers(try d.ok(["complaint", "list", "--overdue"])).isEmpty)
            let past = try d.ok(["complaint", "list", "--overdue", "--as-of", then])
            #expect(Self.numbers(past) == [late])
            #expect((past["complaints"] as? [[String: Any]])?.first?["status"] as? String == "received")
            #expect(Self.numbers(try d.ok(["complaint", "list", "--as-of", then])) == [late])
            #expect(Self.numbers(try d.ok(["complaint", "list"])) == [late, fresh])

            let customers = try d.ok(["customer", "list", "--as-of", then])["customers"] as? [[String: Any]]
            #expect(customers?.compactMap { $0["id"] as? String } == ["c1"])
            // A time that is not RFC 3339 is refused by the client before any request.
            #expect(try d.run(["customer", "list", "--as-of", "yesterday"]).status != 0)
        }
    }

    @Test func historyShowsEachEventWithItsActorAndWhatItSays() async throws {
        try await ComplaintDaemon.with { d in
            try d.register("c1")
            let number = try d.file("c1", subject: "card fees")
            let then = try Self.moment()
            try d.ok(["complaint", "withdraw", number, "--reason", "customer called it off"])

            let table = try d.daemon.cli(["history", "complaint-\(number)"])
            #expect(table.status == 0, "\(table.stderr)")
            let rows = table.stdout.split(separator: "\n").filter { $0.contains("complaint-\(number)") }
            #expect(rows.count == 2, "\(table.stdout)")
            #expect(rows.first?.contains("ComplaintFiled") == true && rows.first?.contains("subject=card fees") == true)
            #expect(rows.last?.contains("ComplaintWithdrawn") == true)
            #expect(rows.last?.contains("reason: customer called it off") == true, "\(table.stdout)")
            #expect(rows.allSatisfy { $0.contains("root") }, "the actor of every event")

            let past = try d.ok(["history", "complaint-\(number)", "--as-of", then])
            #expect((past["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["ComplaintFiled"])
        }
    }
}
