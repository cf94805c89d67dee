import DossierClient
import DossierFoundation
import DossierImport
import Foundation

/// `dossier import uci-credit` of a generated UCI-shaped file against the daemon: the bulk
/// path (`import.rows` batches through the group-commit writer) as the CLI drives it, file
/// reading and mapping included. Each row appends its customer, its limit and a flag for each
/// late month and for a default.
enum ImportWorkload {
    static let header =
        "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,"
        + "BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,"
        + "PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default.payment.next.month"

    /// The events appended per second, the rows read per second, and a note.
    static func run(socket: String, rows: Int, _ configuration: BenchConfiguration) async throws
        -> (eventsPerSecond: Double, rowsPerSecond: Double, note: String)
    {
        let path = "\(configuration.scratchDirectory)/dossier-bench-uci-\(UUID().uuidString.prefix(8)).csv"
        try Self.generate(rows: rows, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let results = await onThreads(1) { _ -> Result<ImportSummary, any Error> in
            Result {
                let connection = try DossierConnection(socketPath: socket, timeoutSeconds: 120)
                let format = try UCICreditFormat(mapping: MappingFile())
                return try ImportRunner(format: format, options: ImportOptions(), rejects: nil)
                    .run(path: path, sink: ConnectionSink(connection: connection))
            }
        }
        let summary = try results[0].get()
        guard summary.rejected == 0, summary.accepted == rows else {
            throw BenchError.failed("the import refused rows: \(summary.text)")
        }
        let note = String(
            format: "%d rows, %d events in %.1f s (%.0f rows/s); dossier import, batches of 500",
            summary.rowsRead, summary.events, summary.seconds, summary.rowsPerSecond)
        return (summary.eventsPerSecond, summary.rowsPerSecond, note)
    }

    /// A file in the data set's shape: limits from 10,000 to 1,000,000 (some written `5e+05`),
    /// repayment statuses mostly on time, about one client in five defaulting.
    static func generate(rows: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else { throw BenchError.failed("cannot create \(path)") }
        defer { try? handle.close() }
        var random = SplitMix64(seed: 13)
        var text = Self.header + "\n"
        for id in 1...rows {
            let limit = Int.random(in: 1...100, using: &random) * 10_000
            var fields = [String(id), limit == 500_000 ? "5e+05" : String(limit), "2", "2", "1", "35"]
            for _ in 0..<6 {
                fields.append(random.chance(0.15) ? String(Int.random(in: 1...3, using: &random)) : "0")
            }
            for _ in 0..<12 { fields.append(String(Int.random(in: 0...90_000, using: &random))) }
            fields.append(random.chance(0.22) ? "1" : "0")
            text += fields.joined(separator: ",") + "\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }
}
