import DossierCore
import DossierFoundation
import DossierImport
import DossierProtocol
import Foundation
import Testing

@Suite("UCI credit-card clients: both headers, spreadsheet numbers, odd codes, bad and cut rows")
struct UCICreditImportTests {
    static func format() throws -> UCICreditFormat { try UCICreditFormat(mapping: MappingFile()) }

    static func run(_ path: String, sink: RecordingSink?, rejects: RejectFile? = nil, configure: (inout ImportOptions) -> Void = { _ in })
        throws -> ImportSummary
    {
        var options = ImportOptions()
        options.batchRows = 2
        options.batchesInFlight = 2
        configure(&options)
        return try ImportRunner(format: try Self.format(), options: options, rejects: rejects).run(path: path, sink: sink)
    }

    @Test func theVariantFileIsReadWithExactCounts() throws {
        let path = try ImportFixtures.write(ImportFixtures.uciVariant)
        let rejectsPath = path + ".rejects.csv"
        let sink = RecordingSink()
        let summary = try Self.run(path, sink: sink, rejects: try RejectFile(path: rejectsPath))
        // Rows 1, 2, 3, 5 are good; 4 has no number for LIMIT_BAL; 6 is cut in a quoted field.
        #expect(summary.rowsRead == 6)
        #expect(summary.accepted == 4)
        #expect(summary.rejected == 2)
        #expect(summary.duplicates == 0)
        #expect(summary.events == 8)
        // Two tool lines, the X header row's twin (the real names) and a blank line.
        #expect(summary.skippedLines == 4)
        #expect(sink.rows.map(\.key) == ["1", "2", "3", "5"])

        let rows = Dictionary(uniqueKeysWithValues: sink.rows.map { ($0.key, $0) })
        let first = try #require(rows["1"])
        #expect(first.customer.id == "uci-1")
        #expect(first.customer.kind == .individual)
        #expect(first.limit?.amount == ExactDecimal("20000"))
        #expect(first.limit?.currency == "TWD")
        #expect(first.limit?.kind == .existing)
        // PAY_0 and PAY_2 late, and the default.
        #expect(first.flags?.map(\.kind) == [.overdueRepayment, .overdueRepayment, .default])
        #expect(first.flags?.first?.observedOn == LocalDate("2005-09-30"))
        #expect(rows["2"]?.limit?.amount == ExactDecimal("120000"))
        #expect(rows["2"]?.flags?.count == 2)
        #expect(rows["3"]?.limit?.amount == ExactDecimal("500000"))
        #expect(rows["3"]?.flags == nil || rows["3"]?.flags?.isEmpty == true)
        #expect(rows["5"]?.flags?.count == 1)

        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        let lines = rejects.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "line,column,key,code,reason")
        #expect(lines[1].hasPrefix("8,LIMIT_BAL,,mapping,"), "\(lines[1])")
        #expect(lines[2].hasPrefix("11,"), "\(lines[2])")
        #expect(lines[2].contains(",csv,"), "\(lines[2])")
    }

    @Test func theSecondRunOfTheSameFileIsAllDuplicates() throws {
        let path = try ImportFixtures.write(
            ([ImportFixtures.uciHeader] + (1...5).map { ImportFixtures.uciRow(String($0), limit: "10000") })
                .joined(separator: "\n"))
        let sink = RecordingSink()
        let first = try Self.run(path, sink: sink)
        let second = try Self.run(path, sink: sink)
        #expect((first.accepted, first.duplicates, first.rejected) == (5, 0, 0))
        #expect((second.accepted, second.duplicates, second.rejected) == (0, 5, 0))
        #expect(second.events == 0)
    }

    @Test func aDryRunSendsNothingAndStrictStopsAtTheFirstBadRow() throws {
        let path = try ImportFixtures.write(ImportFixtures.uciVariant)
        let dry = try Self.run(path, sink: nil) { $0.dryRun = true }
        #expect((dry.accepted, dry.rejected, dry.dryRun) == (4, 2, true))

        let sink = RecordingSink()
        let strict = try Self.run(path, sink: sink) { $0.strict = true }
        #expect(strict.rejected == 1)
        #expect(strict.rowsRead == 4)
        #expect(sink.rows.map(\.key) == ["1", "2", "3"])
    }

    @Test func aFileOfAnotherKindIsRefusedWithTheColumnsExpected() throws {
        let path = try ImportFixtures.write("Date received,Product,Complaint ID\n2020-01-01,Mortgage,1\n")
        #expect {
            try Self.run(path, sink: RecordingSink())
        } throws: { error in
            guard case .headerNotFound(let format, _, let expected)? = error as? ImportFileError else { return false }
            return format == "uci-credit" && expected.contains("LIMIT_BAL")
        }
    }

    @Test func rowIDsAreStableAcrossRunsAndSources() {
        let a = ImportRecordIDProbe.id(source: "uci-credit", key: "1")
        #expect(a == ImportRecordIDProbe.id(source: "uci-credit", key: "1"))
        #expect(a != ImportRecordIDProbe.id(source: "cfpb", key: "1"))
        #expect(StableID.hex("Acme|02134") == StableID.hex("Acme|02134"))
        #expect(StableID.hex("Acme|02134").count == 16)
    }
}

/// StableID is the client's half of stable ids; the request id is the store's (not linked here).
enum ImportRecordIDProbe {
    static func id(source: String, key: String) -> String { StableID.hex(source + "\u{0}" + key) }
}
