import DossierCore
import DossierFoundation
import DossierImport
import DossierProtocol
import Foundation
import Testing

@Suite("CFPB complaints and agency ratings as files have them")
struct CFPBAndRatingsImportTests {
    static func run(_ format: any ImportFormat, _ text: String, sink: RecordingSink) throws -> ImportSummary {
        var options = ImportOptions()
        options.batchRows = 2
        let path = try ImportFixtures.write(text)
        return try ImportRunner(format: format, options: options, rejects: nil).run(path: path, sink: sink)
    }

    @Test func cfpbRowsBecomeComplaintsOfACustomerPerCompanyAndZIP() throws {
        let sink = RecordingSink()
        let summary = try Self.run(try CFPBFormat(mapping: MappingFile()), ImportFixtures.cfpb, sink: sink)
        // Four good rows (one repeats a complaint id: the daemon answers it duplicate), one
        // without a date received.
        #expect((summary.rowsRead, summary.accepted, summary.rejected, summary.duplicates) == (5, 3, 1, 1))
        let rows = sink.rows
        #expect(rows.map(\.key) == ["3575001", "3575002", "3575003", "3575001"])
        let first = rows[0]
        let complaint = try #require(first.complaint)
        #expect(complaint.receivedOn == LocalDate("2020-03-18"))
        #expect(complaint.closedOn == LocalDate("2020-03-19"))
        #expect(complaint.closed == true)
        #expect(complaint.outcome == "Closed with explanation")
        #expect(complaint.timely == true && complaint.disputed == false)
        #expect(complaint.channel == .web)
        #expect(complaint.externalId == "3575001")
        #expect(complaint.description?.hasPrefix("They said \"wait\",\nthen, again,\nnothing") == true)
        #expect(first.customer.name == "Consumers of Acme Bank in MA 02134")
        // 2134 and 2134.0 are 02134: the same customer.
        #expect(rows[1].customer.id == first.customer.id)
        #expect(rows[1].complaint?.closed == false)
        #expect(rows[1].complaint?.type == .fees)
        #expect(rows[1].complaint?.channel == .phone)
        #expect(rows[1].complaint?.disputed == nil)
        #expect(rows[2].customer.id != first.customer.id)
        #expect(rows[2].complaint?.receivedOn == LocalDate("2010-07-30"))
        #expect(rows[2].complaint?.indirect == true)
        #expect(rows[2].complaint?.channel == .regulator)
    }

    @Test func agencyRatingsAreSentInDateOrderMappedOntoTheScale() throws {
        let sink = RecordingSink()
        let summary = try Self.run(try AgencyRatingsFormat(mapping: MappingFile()), ImportFixtures.agencyRatings, sink: sink)
        #expect((summary.rowsRead, summary.accepted, summary.rejected) == (5, 4, 1))
        let rows = sink.rows
        #expect(rows.compactMap(\.rating?.effectiveOn).map(\.description) == [
            "2010-03-18", "2014-11-27", "2015-01-05", "2016-06-30",
        ])
        #expect(rows.compactMap(\.rating?.grade) == ["BBB+", "BBB", "CC", "BB"])
        #expect(rows[0].customer.id == "cik-106640")
        #expect(rows[0].customer.kind == .corporate)
        #expect(rows[0].rating?.scale == "agency")
        #expect(rows[0].rating?.note.contains("Egan-Jones Ratings Company: BBB+") == true)
        #expect(rows[2].rating?.note.contains("CC+ (read as CC)") == true)
        #expect(rows[2].customer.id.hasPrefix("corp-"))
    }

    @Test func aMappedGB18030FileIsDetectedAndRead() throws {
        let mapping = try MappingFile(
            text: """
                kind = "mapped"
                source = "branch-ledger"
                key = "编号"
                [customer]
                id = "编号"
                id_prefix = "br-"
                name = "客户名称"
                kind = "corporate"
                [limit]
                amount = "额度"
                currency = "CNY"
                basis = "branch ledger"
                [[flags]]
                column = "逾期天数"
                at_least = "30"
                kind = "overdue_repayment"
                """, path: "test.toml")
        let format = try MappedFormat(mapping: mapping)
        try mapping.checkAllRead()
        // 编号,客户名称,额度,逾期天数 / 1,张三贸易,5e+05,45 / 2,李四,"1,200",0 in GB18030.
        let text = "编号,客户名称,额度,逾期天数\r\n1,张三贸易,5e+05,45\r\n2,李四,\"1,200\",0\r\n3,王五,,0\r\n"
        let converter = try #require(Self.gb18030(text))
        let path = try ImportFixtures.write(converter)
        let sink = RecordingSink()
        var options = ImportOptions()
        options.batchRows = 10
        let summary = try ImportRunner(format: format, options: options, rejects: nil).run(path: path, sink: sink)
        #expect(summary.encoding == "GB18030")
        #expect((summary.rowsRead, summary.accepted, summary.rejected) == (3, 2, 1))
        #expect(sink.rows.map(\.customer.name) == ["张三贸易", "李四"])
        #expect(sink.rows.map(\.limit?.amount) == [ExactDecimal("500000"), ExactDecimal("1200")])
        #expect(sink.rows[0].flags?.count == 1)
        #expect(sink.rows[1].flags == nil)
    }

    @Test func anEncodingGivenIsUsedAndAnUnknownOneRefused() throws {
        let bytes = try #require(Self.gb18030(ImportFixtures.uciHeader + "\r\n" + ImportFixtures.uciRow("1", limit: "20000")))
        let path = try ImportFixtures.write(bytes)
        var options = ImportOptions()
        options.encoding = "gbk"
        let format = try UCICreditFormat(mapping: MappingFile())
        let summary = try ImportRunner(format: format, options: options, rejects: nil).run(path: path, sink: RecordingSink())
        #expect(summary.encoding == "GBK")
        #expect(summary.accepted == 1)
        options.encoding = "NO-SUCH-CODE"
        #expect(throws: ImportFileError.unknownEncoding("NO-SUCH-CODE")) {
            try ImportRunner(format: format, options: options, rejects: nil).run(path: path, sink: RecordingSink())
        }
    }

    @Test func aMisspeltMappingKeyIsAnError() throws {
        let mapping = try MappingFile(text: "sourse = \"x\"\n", path: "bad.toml")
        _ = try UCICreditFormat(mapping: mapping)
        #expect(throws: ImportFileError.self) { try mapping.checkAllRead() }
    }

    /// `text` in GB18030, through iconv (the same tables the reader uses, the other way).
    static func gb18030(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(data) : nil
    }
}

@Suite("Batches cut by size")
struct ImportBatchSizeTests {
    /// Rows with long narratives go in smaller batches, each under the daemon's line limit.
    @Test func longNarrativesMakeSmallerBatches() throws {
        let narrative = "\"" + String(repeating: "They said \"\"wait\"\", then nothing. ", count: 250) + "\""
        let rows = (1...200).map { id in
            "3/18/2020,Mortgage,,Trouble during payment process,,\(narrative),,Acme Bank,MA,2134,,,Web,3/19/2020,"
                + "Closed with explanation,Yes,No,\(id)"
        }
        let path = try ImportFixtures.write(([ImportFixtures.cfpbHeader] + rows).joined(separator: "\n"))
        let sink = RecordingSink()
        var options = ImportOptions()
        options.batchRows = 500
        let summary = try ImportRunner(format: try CFPBFormat(mapping: MappingFile()), options: options, rejects: nil)
            .run(path: path, sink: sink)
        #expect(summary.accepted == 200)
        #expect(sink.batches.count > 1)
        for (index, batch) in sink.batches.enumerated() {
            let bytes = try DossierJSON.encode(batch).count
            #expect(bytes <= options.batchBytes, "a batch of \(batch.rows.count) rows takes \(bytes) bytes")
            // The estimate is generous, not wild: every batch but the last is at least a quarter full.
            guard index < sink.batches.count - 1 else { continue }
            #expect(bytes > options.batchBytes / 4, "a batch of \(batch.rows.count) rows takes only \(bytes) bytes")
        }
    }

    @Test func aRowBiggerThanARequestIsARejectNotAFailedImport() throws {
        let huge = "\"" + String(repeating: "x", count: 40_000) + "\""
        let rows = [
            "3/18/2020,Mortgage,,Trouble during payment process,,short,,Acme Bank,MA,2134,,,Web,,In progress,Yes,No,1",
            "3/18/2020,Mortgage,,Trouble during payment process,,\(huge),,Acme Bank,MA,2134,,,Web,,In progress,Yes,No,2",
        ]
        let path = try ImportFixtures.write(([ImportFixtures.cfpbHeader] + rows).joined(separator: "\n"))
        var options = ImportOptions()
        options.batchBytes = 16 * 1024
        let rejects = path + ".rejects.csv"
        let sink = RecordingSink()
        let summary = try ImportRunner(
            format: try CFPBFormat(mapping: MappingFile()), options: options, rejects: try RejectFile(path: rejects)
        ).run(path: path, sink: sink)
        #expect((summary.accepted, summary.rejected) == (1, 1))
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.contains("3,,2,size,\"the row takes about"), "\(text)")
    }
}
