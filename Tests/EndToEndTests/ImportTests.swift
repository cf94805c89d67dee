import DossierTesting
import Foundation
import Testing

/// `dossier import` against the real daemon: the bulk path, idempotency, rejects and what the
/// rooms hold afterwards.
@Suite("dossier import through the real CLI and daemon")
struct ImportTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
    }

    static let uciHeader =
        "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,"
        + "BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,"
        + "PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default.payment.next.month"

    static func uciRow(_ id: String, _ limit: String, education: String = "2", pay: [String], defaulted: String) -> String {
        ([id, limit, "2", education, "0", "30"] + pay + Array(repeating: "0", count: 12) + [defaulted]).joined(separator: ",")
    }

    /// Junk before the header, the X1..X23 header with the real names under it, CRLF, spreadsheet
    /// numbers, codes outside the documentation, a bad row and a record cut at the end.
    static var uciFile: String {
        let xHeader = "ID," + (1...23).map { "X\($0)" }.joined(separator: ",") + ",Y"
        return [
            "\u{FEFF}report-tool export", xHeader, Self.uciHeader,
            Self.uciRow("1", "20000", pay: ["2", "2", "-1", "-1", "-2", "-2"], defaulted: "1"),
            Self.uciRow("2", "1.2e+05", education: "0", pay: ["-1", "0", "0", "0", "0", "0"], defaulted: "0"),
            Self.uciRow("3", "5e+05", education: "6", pay: ["0", "0", "0", "0", "0", "1"], defaulted: "0"),
            Self.uciRow("4", "lots", pay: ["0", "0", "0", "0", "0", "0"], defaulted: "0"),
        ].joined(separator: "\r\n") + "\r\n5,\"90000"
    }

    @Test(.timeLimit(.minutes(2)))
    func aUCIFileIsImportedOnceAndASecondRunAddsNothing() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let file = directory.appending("uci.csv")
            let rejects = directory.appending("rejects.csv")
            try Self.write(Array(Self.uciFile.utf8), to: file)

            let first = try await onThread {
                try daemon.cli(["--json", "import", "uci-credit", file, "--rejects", rejects, "--batch-rows", "2"])
            }
            #expect(first.status == 65, "some rows were rejected: \(first.stderr)")
            let summary = try Self.object(first.stdout)
            #expect(summary["rowsRead"] as? Int == 5)
            #expect(summary["accepted"] as? Int == 3)
            #expect(summary["rejected"] as? Int == 2)
            #expect(summary["duplicates"] as? Int == 0)
            // uci-1: registered, two late months and a default flagged, a limit (5); uci-2:
            // registered and a limit (2); uci-3: registered, one late month, a limit (3).
            #expect(summary["events"] as? Int == 5 + 2 + 3)
            let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
            #expect(rejected.contains("7,LIMIT_BAL,,mapping,"), "\(rejected)")
            #expect(rejected.contains("8,"), "\(rejected)")

            let shown = try await onThread { try daemon.cli(["--json", "customer", "show", "uci-1"]) }
            #expect(shown.status == 0, "\(shown.stderr)")
            let customer = try #require(try Self.object(shown.stdout)["customer"] as? [String: Any])
            #expect(customer["openFlags"] as? Int == 3)
            let limits = try await onThread { try daemon.cli(["--json", "limit", "show", "--customer", "uci-3"]) }
            #expect(limits.status == 0, "\(limits.stderr)")
            #expect(limits.stdout.contains("500000"), "\(limits.stdout)")

            let second = try await onThread {
                try daemon.cli(["--json", "import", "uci-credit", file, "--batch-rows", "2"])
            }
            let again = try Self.object(second.stdout)
            #expect(again["accepted"] as? Int == 0)
            #expect(again["duplicates"] as? Int == 3)
            #expect(again["rejected"] as? Int == 2)
            #expect(again["events"] as? Int == 0)

            let replay = try await onThread { try daemon.cli(["audit", "replay"]) }
            #expect(replay.status == 0 && replay.stdout.contains("projections equal a replay"), "\(replay.stdout)")
        }
    }

    /// An import stopped part way (here: the first rows of the file) resumes by running it
    /// again: the rows already in the log are duplicates, the rest are imported.
    @Test(.timeLimit(.minutes(2)))
    func anInterruptedImportResumesWhereItStopped() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let rows = (1...7).map { Self.uciRow(String($0), "30000", pay: ["0", "0", "0", "0", "0", "0"], defaulted: "0") }
            let part = directory.appending("part.csv")
            let whole = directory.appending("whole.csv")
            try Self.write(Array(([Self.uciHeader] + rows.prefix(3)).joined(separator: "\n").utf8), to: part)
            try Self.write(Array(([Self.uciHeader] + rows).joined(separator: "\n").utf8), to: whole)

            let first = try await onThread { try daemon.cli(["--json", "import", "uci-credit", part]) }
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try Self.object(first.stdout)["accepted"] as? Int == 3)
            let resumed = try await onThread { try daemon.cli(["--json", "import", "uci-credit", whole]) }
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let summary = try Self.object(resumed.stdout)
            #expect(summary["accepted"] as? Int == 4)
            #expect(summary["duplicates"] as? Int == 3)
            #expect(summary["events"] as? Int == 8)
        }
    }
}
