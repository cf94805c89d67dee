import DossierImport
import DossierProtocol
import Foundation

/// Small hand-made files in the shapes of the public data sets, with the quirks of files found
/// in the wild, written to a temporary directory; and a sink that plays the daemon.
enum ImportFixtures {
    static func write(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return path
    }

    static func write(_ text: String, name: String = "input.csv") throws -> String {
        try Self.write(Array(text.utf8), name: name)
    }

    static let uciHeader =
        "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,"
        + "BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,"
        + "PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default.payment.next.month"

    /// A UCI row: the pay statuses given, bills and payments zero.
    static func uciRow(
        _ id: String, limit: String, education: String = "2", marriage: String = "1", pay: [String] = ["0", "0", "0", "0", "0", "0"],
        defaulted: String = "0"
    ) -> String {
        ([id, limit, "2", education, marriage, "30"] + pay + Array(repeating: "0", count: 12) + [defaulted])
            .joined(separator: ",")
    }

    /// The X1..X23 variant with the real names in a second header row, after lines a tool
    /// printed, CRLF, a BOM, values outside the documented codes, a bad row and a cut last row.
    static var uciVariant: String {
        let xHeader = "ID," + (1...23).map { "X\($0)" }.joined(separator: ",") + ",Y"
        let lines = [
            "\u{FEFF}Exported by report-tool 4.2", "generated 2020/3/18", xHeader, Self.uciHeader,
            Self.uciRow("1", limit: "20000", pay: ["2", "2", "-1", "-1", "-2", "-2"], defaulted: "1"),
            Self.uciRow("2", limit: "1.2e+05", education: "0", marriage: "0", pay: ["-1", "2", "0", "0", "0", "2"]),
            Self.uciRow("3", limit: "5e+05", education: "6"),
            Self.uciRow("4", limit: "lots"),
            "",
            Self.uciRow("5", limit: "50000", pay: ["1", "0", "0", "0", "0", "0"]),
        ]
        return lines.joined(separator: "\r\n") + "\r\n6,\"90000"
    }
}

/// Plays the daemon: answers every row accepted, with a fixed number of events, unless the key
/// was seen before (duplicate).
final class RecordingSink: ImportSink {
    var batches: [ImportRowsParams] = []
    var seen: Set<String> = []
    private var answers: [ImportRowsResult] = []

    func send(_ batch: ImportRowsParams) throws {
        self.batches.append(batch)
        let rows = batch.rows.map { decoded -> ImportRowResult in
            guard case .row(let row) = decoded else { return ImportRowResult(key: nil, line: nil, status: .rejected) }
            let fresh = self.seen.insert(batch.source + "|" + row.key).inserted
            return ImportRowResult(key: row.key, line: row.line, status: fresh ? .accepted : .duplicate, events: fresh ? 2 : 0)
        }
        self.answers.append(ImportRowsResult(rows: rows))
    }

    func receive() throws -> ImportRowsResult { self.answers.removeFirst() }

    var rows: [ImportRowParams] {
        self.batches.flatMap(\.rows).compactMap { if case .row(let row) = $0 { row } else { nil } }
    }
}

extension ImportFixtures {
    static let cfpbHeader =
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,"
        + "Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,"
        + "Company response to consumer,Timely response?,Consumer disputed?,Complaint ID"

    /// CFPB rows as a spreadsheet re-saved them: US dates, ZIP codes without their leading zero, a
    /// narrative with commas, doubled quotes and line breaks; one row without a date, one repeated.
    static var cfpb: String {
        [
            Self.cfpbHeader,
            "3/18/2020,Mortgage,Conventional home mortgage,Trouble during payment process,,\"They said \"\"wait\"\",\nthen, again,\nnothing\",,"
                + "Acme Bank,MA,2134,,Consent provided,Web,3/19/2020,Closed with explanation,Yes,No,3575001",
            "2020/3/18,Credit card,General-purpose credit card,Fees or interest,Problem with fees,,,Acme Bank,MA,2134.0,,"
                + ",Phone,2020/3/20,In progress,Yes,N/A,3575002",
            "7/30/2010,Checking or savings account,,Managing an account,,,,Other Bank,CA,90210,Older American,,Referral,"
                + "7/30/2010,Closed with monetary relief,No,Yes,3575003",
            ",Mortgage,,Trouble during payment process,,,,Acme Bank,MA,02134,,,Web,,Closed,Yes,No,3575004",
            "3/18/2020,Mortgage,Conventional home mortgage,Trouble during payment process,,,,Acme Bank,MA,02134,,,Web,"
                + "3/19/2020,Closed with explanation,Yes,No,3575001",
        ].joined(separator: "\r\n") + "\r\n"
    }

    /// Agency ratings out of date order, in the second header's shape, with a grade off the scale
    /// (`CC+`), a withdrawn rating (`NR`) and a day-first date.
    static var agencyRatings: String {
        [
            "Rating Agency,Corporation,Rating,Rating Date,CIK,Binary Rating,SIC Code,Sector,Ticker,Current Ratio",
            "Standard & Poor's Ratings Services,Whirlpool Corp.,BBB,2014-11-27,106640,1,3630,Manufacturing,WHR,1.1",
            "Egan-Jones Ratings Company,Whirlpool Corp.,BBB+,2010/3/18,106640,1,3630,Manufacturing,WHR,1.2",
            "Moody's Investors Service,Whirlpool Corp.,BB,2016-06-30,106640,1,3630,Manufacturing,WHR,1.0",
            "Fitch Ratings,Broke Co,CC+,2015-01-05,,0,1000,Mining,BRK,0.2",
            "Fitch Ratings,Gone Inc,NR,2015-01-05,999,0,1000,Mining,GON,0.2",
        ].joined(separator: "\n") + "\n"
    }
}
