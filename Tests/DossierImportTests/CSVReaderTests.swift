import DossierFoundation
import DossierImport
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    static func records(_ text: String, _ configure: (inout CSVReader.Options) -> Void = { _ in }) throws -> [[String]] {
        var options = CSVReader.Options()
        configure(&options)
        return try CSVReader.read(text, options: options).records
    }

    static func failure(_ text: String, _ configure: (inout CSVReader.Options) -> Void = { _ in }) -> CSVError? {
        var options = CSVReader.Options()
        configure(&options)
        do {
            _ = try CSVReader.read(text, options: options)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Reading

    @Test func plainRecordsWithCRLFOrLFAndWithOrWithoutAFinalLineBreak() throws {
        let expected = [["a", "b", "c"], ["1", "2", "3"]]
        #expect(try Self.records("a,b,c\r\n1,2,3\r\n") == expected)
        #expect(try Self.records("a,b,c\n1,2,3\n") == expected)
        #expect(try Self.records("a,b,c\r\n1,2,3") == expected)
        #expect(try Self.records("a,b,c\n1,2,3\r\n") == expected)
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try Self.records("") == [])
        #expect(try CSVReader.read("", options: { var o = CSVReader.Options(); o.hasHeader = true; return o }()) == CSVTable(header: nil, records: []))
    }

    @Test func quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws {
        let text = "name,note\r\n\"Acme, Ltd\",\"said \"\"hi\"\"\r\nthen left\"\r\n\"\",\"\"\"\"\r\n"
        #expect(
            try Self.records(text) == [
                ["name", "note"], ["Acme, Ltd", "said \"hi\"\r\nthen left"], ["", "\""],
            ])
    }

    @Test func emptyFieldsAndEmptyLines() throws {
        #expect(try Self.records("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
        #expect(try Self.records("a,\n") == [["a", ""]])
        // An empty line is a record of one empty field; only the final line break ends the input.
        #expect(try Self.records("x\n\ny\n") == [["x"], [""], ["y"]])
        #expect(try Self.records("\"\"\n") == [[""]])
    }

    @Test func spacesAndUnicodeAreData() throws {
        #expect(try Self.records(" a , b \n") == [[" a ", " b "]])
        #expect(try Self.records("客户,评级\n张三,AA\n") == [["客户", "评级"], ["张三", "AA"]])
    }

    @Test func aHeaderIsReadFirstAndSetsTheFieldCount() throws {
        var options = CSVReader.Options()
        options.hasHeader = true
        let table = try CSVReader.read("id,rating\nc1,AA\nc2,B\n", options: options)
        #expect(table.header == ["id", "rating"])
        #expect(table.records == [["c1", "AA"], ["c2", "B"]])

        var reader = CSVReader("id,rating\nc1,AA\n", options: options)
        #expect(reader.header == nil)
        #expect(try reader.nextRecord() == ["c1", "AA"])
        #expect(reader.header == ["id", "rating"])
        #expect(try reader.nextRecord() == nil)
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        #expect(try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)).records == [["a", "b"]])
    }

    @Test func otherDelimiters() throws {
        #expect(try Self.records("a;b\n\"x;y\";z\n", { $0.delimiter = UInt8(ascii: ";") }) == [["a", "b"], ["x;y", "z"]])
        #expect(try Self.records("a\tb,c\n", { $0.delimiter = UInt8(ascii: "\t") }) == [["a", "b,c"]])
    }

    // MARK: - Errors, with positions

    @Test func fieldCountMismatchNamesTheRecordAndItsLine() throws {
        let error = try #require(Self.failure("id,name,rating\nc1,A,AA\nc2,B\n", { $0.hasHeader = true }))
        #expect(error.kind == .fieldCountMismatch(expected: 3, actual: 2, againstHeader: true))
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.record == 3)
        #expect(error.description == "line 3, column 1: record 3 has 2 fields, the header has 3")

        let withoutHeader = try #require(Self.failure("a,b\nc,d,e\n"))
        #expect(withoutHeader.kind == .fieldCountMismatch(expected: 2, actual: 3, againstHeader: false))
        #expect(withoutHeader.line == 2)
    }

    @Test func aBlankLineInATableWithAHeaderIsReported() throws {
        let error = try #require(Self.failure("a,b\n1,2\n\n", { $0.hasHeader = true }))
        #expect(error.kind == .fieldCountMismatch(expected: 2, actual: 1, againstHeader: true))
        #expect(error.line == 3)
    }

    @Test func anUnterminatedQuoteIsReportedWhereItOpens() throws {
        let error = try #require(Self.failure("a,b\nc,\"open\nstill open,\n"))
        #expect(error.kind == .unterminatedQuote)
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.description.hasPrefix("line 2, column 3: the quoted field starting here is never closed"))
    }

    @Test func aQuoteInsideAnUnquotedField() throws {
        let error = try #require(Self.failure("a,b\nab\"c,d\n"))
        #expect(error.kind == .quoteInUnquotedField)
        #expect((error.line, error.column) == (2, 3))
    }

    @Test func textAfterAClosingQuote() throws {
        let error = try #require(Self.failure("\"a\"b,c\n"))
        #expect(error.kind == .characterAfterQuote)
        #expect((error.line, error.column) == (1, 4))
    }

    @Test func lineBreaksInsideQuotesCountAsLines() throws {
        let error = try #require(Self.failure("\"x\ny\nz\",\"q\"!\n"))
        #expect(error.kind == .characterAfterQuote)
        #expect((error.line, error.column) == (3, 7))
    }

    @Test func aBareCarriageReturn() throws {
        let error = try #require(Self.failure("a,b\rc,d\n"))
        #expect(error.kind == .bareCarriageReturn)
        #expect((error.line, error.column) == (1, 4))
        // Inside quotes a CR is data.
        #expect(try Self.records("\"a\rb\"\n") == [["a\rb"]])
    }

    @Test func invalidUTF8IsReportedAtTheField() throws {
        let bytes = Array("ok,\"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8)
        #expect(throws: CSVError(kind: .invalidUTF8, line: 1, column: 4, record: 1)) {
            try CSVReader.read(bytes)
        }
    }

    @Test func limits() throws {
        let long = try #require(Self.failure("abcdef\n", { $0.maximumFieldBytes = 5 }))
        #expect(long.kind == .fieldTooLong(maximum: 5))
        let quotedLong = try #require(Self.failure("x,\"abcdef\"\n", { $0.maximumFieldBytes = 5 }))
        #expect(quotedLong.kind == .fieldTooLong(maximum: 5))
        #expect((quotedLong.line, quotedLong.column) == (1, 3))
        #expect(try Self.records("abcde\n", { $0.maximumFieldBytes = 5 }) == [["abcde"]])

        let record = try #require(Self.failure("ok\naaa,bbb,ccc\n", { $0.maximumRecordBytes = 8 }))
        #expect(record.kind == .recordTooLong(maximum: 8))
        #expect(record.line == 2)

        let fields = try #require(Self.failure("a,b,c,d\n", { $0.maximumFields = 3 }))
        #expect(fields.kind == .tooManyFields(maximum: 3))
    }

    // MARK: - Writing and round trips

    @Test func theWriterQuotesOnlyWhatNeedsIt() {
        let rendered = CSVWriter.render([["a", "b,c", "say \"hi\"", "two\nlines", ""], ["", "x", "y", "z", "w"]])
        #expect(String(decoding: rendered, as: UTF8.self) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n,x,y,z,w\r\n")
        #expect(String(decoding: CSVWriter.render([[""]]), as: UTF8.self) == "\"\"\r\n")
    }

    /// Property: any records rendered by the writer read back as the same records.
    @Test func renderedRecordsReadBackUnchanged() throws {
        let alphabet: [String] = ["a", "Z", "7", " ", ",", ";", "\"", "\r", "\n", "\r\n", "\t", "é", "中", "😀", "\u{FEFF}", "\0"]
        var rng = SplitMix64(seed: 0xC5F)
        for iteration in 0..<2000 {
            let delimiter: UInt8 = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].randomElement(using: &rng)!
            let width = Int.random(in: 1...6, using: &rng)
            let records = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                (0..<width).map { _ in
                    (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
                }
            }
            var options = CSVReader.Options()
            options.delimiter = delimiter
            let read = try CSVReader.read(CSVWriter.render(records, delimiter: delimiter), options: options)
            #expect(read.records == records, "iteration \(iteration): \(records)")
            if read.records != records { return }
        }
    }

    /// Property: any bytes either read or fail with a CSVError; what reads, renders and reads
    /// back to the same table (the oracle of the `fuzz-csv` target).
    @Test func arbitraryBytesReadOrFailCleanlyAndRoundTrip() throws {
        let pieces: [[UInt8]] = [[0x2C], [0x22], [0x22, 0x22], [0x0D, 0x0A], [0x0A], [0x0D], [0x61], [0x20], [0xFF], [0xE4, 0xB8, 0xAD], [0xEF, 0xBB, 0xBF]]
        var rng = SplitMix64(seed: 0xF22)
        var parsed = 0
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            var options = CSVReader.Options()
            options.hasHeader = rng.next() % 2 == 0
            guard let table = try? CSVReader.read(bytes, options: options) else { continue }
            parsed += 1
            let all = (table.header.map { [$0] } ?? []) + table.records
            let again = try CSVReader.read(CSVWriter.render(all), options: options)
            #expect(again == table, "input \(bytes)")
        }
        #expect(parsed > 500)
    }
}
