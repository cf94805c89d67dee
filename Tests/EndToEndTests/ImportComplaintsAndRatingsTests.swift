import DossierTesting
import Foundation
import Testing

/// CFPB complaints and agency ratings imported into the real daemon: what the complaint and
/// rating rooms hold afterwards.
@Suite("CFPB complaints and agency ratings through the real CLI and daemon")
struct ImportComplaintsAndRatingsTests {
    static let cfpb = [
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,"
            + "Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,"
            + "Company response to consumer,Timely response?,Consumer disputed?,Complaint ID",
        "3/18/2020,Mortgage,,Trouble during payment process,,\"They said \"\"wait\"\",\nthen nothing\",,"
            + "Acme Bank,MA,2134,,,Web,3/19/2020,Closed with explanation,Yes,No,3575001",
        "2020/3/18,Credit card,,Fees or interest,,,,Acme Bank,MA,02134,,,Phone,2020/3/20,In progress,Yes,N/A,3575002",
        ",Mortgage,,Trouble during payment process,,,,Acme Bank,MA,02134,,,Web,,Closed,Yes,No,3575004",
    ].joined(separator: "\r\n") + "\r\n"

    static let ratings = [
        "Rating Agency Name,Corporation,Rating,Date,CIK,Sector",
        "Standard & Poor's,Whirlpool Corp.,BBB,11/27/2014,106640,Manufacturing",
        "Egan-Jones Ratings Company,Whirlpool Corp.,BBB+,3/18/2010,106640,Manufacturing",
        "Moody's Investors Service,Whirlpool Corp.,BB,6/30/2016,106640,Manufacturing",
        "Fitch Ratings,Broke Co,CC+,1/5/2015,,Mining",
        "Fitch Ratings,Gone Inc,NR,1/5/2015,999,Mining",
        "Fitch Ratings,Odd Corp,XYZ,1/6/2015,4242,Mining",
    ].joined(separator: "\n") + "\n"

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test(.timeLimit(.minutes(2)))
    func complaintsAndRatingsLandInTheirRooms() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let cfpbFile = directory.appending("cfpb.csv")
            let ratingsFile = directory.appending("ratings.csv")
            #expect(FileManager.default.createFile(atPath: cfpbFile, contents: Data(Self.cfpb.utf8)))
            #expect(FileManager.default.createFile(atPath: ratingsFile, contents: Data(Self.ratings.utf8)))

            let complaints = try await onThread { try daemon.cli(["--json", "import", "cfpb", cfpbFile]) }
            let summary = try Self.object(complaints.stdout)
            #expect(summary["accepted"] as? Int == 2, "\(complaints.stdout) \(complaints.stderr)")
            #expect(summary["rejected"] as? Int == 1)
            // A customer registered, a complaint filed and closed; the same customer's second complaint.
            #expect(summary["events"] as? Int == 3 + 1)
            let listed = try await onThread { try daemon.cli(["--json", "complaint", "list"]) }
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains("3575001") && listed.stdout.contains("3575002"), "\(listed.stdout)")

            let rejects = directory.appending("rejects.csv")
            let rated = try await onThread {
                try daemon.cli(["--json", "import", "agency-ratings", ratingsFile, "--rejects", rejects])
            }
            let ratingSummary = try Self.object(rated.stdout)
            #expect(ratingSummary["accepted"] as? Int == 4, "\(rated.stdout) \(rated.stderr)")
            // NR is refused by the file's kind (no rating); XYZ by the daemon (not a grade of the scale).
            #expect(ratingSummary["rejected"] as? Int == 2)
            let refused = try String(contentsOfFile: rejects, encoding: .utf8)
            #expect(refused.contains("6,Rating,,mapping,\"\"\"NR\"\" is not a rating\""), "\(refused)")
            #expect(refused.contains("7,grade,Fitch Ratings|cik-4242|2015-01-06,dossier.BadRequest,grade XYZ is not a grade of scale agency"), "\(refused)")
            let history = try await onThread {
                try daemon.cli(["--json", "rating", "history", "cik-106640", "--scale", "agency"])
            }
            #expect(history.status == 0, "\(history.stderr)")
            let text = history.stdout
            // Applied in date order: BBB+ (2010), BBB (2014, a downgrade), BB (2016).
            let order = ["\"BBB+\"", "\"BBB\"", "\"BB\""].compactMap { text.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "\(text)")

            let again = try await onThread { try daemon.cli(["--json", "import", "agency-ratings", ratingsFile]) }
            let second = try Self.object(again.stdout)
            #expect(second["accepted"] as? Int == 0)
            #expect(second["duplicates"] as? Int == 4)
            #expect(second["rejected"] as? Int == 2)

            let replay = try await onThread { try daemon.cli(["audit", "replay"]) }
            #expect(replay.status == 0 && replay.stdout.contains("projections equal a replay"), "\(replay.stdout)")
        }
    }

    /// Narratives of thousands of characters: batches are cut by size, so no request goes over
    /// the daemon's line limit (1 MiB) however many rows a batch may hold.
    @Test(.timeLimit(.minutes(2)))
    func longNarrativesStayUnderTheLineLimit() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let narrative = "\"" + String(repeating: "They said \"\"wait\"\", then nothing at all. ", count: 240) + "\""
            let header = Self.cfpb.split(separator: "\r\n").first.map(String.init) ?? ""
            let rows = (1...150).map { id in
                "3/18/2020,Mortgage,,Trouble during payment process,,\(narrative),,Acme Bank,MA,2134,,,Web,3/19/2020,"
                    + "Closed with explanation,Yes,No,\(id)"
            }
            let file = directory.appending("long.csv")
            #expect(FileManager.default.createFile(atPath: file, contents: Data(([header] + rows).joined(separator: "\n").utf8)))
            let imported = try await onThread { try daemon.cli(["--json", "import", "cfpb", file]) }
            #expect(imported.status == 0, "\(imported.stderr)")
            let summary = try Self.object(imported.stdout)
            #expect(summary["accepted"] as? Int == 150, "\(imported.stdout)")
        }
    }
}
