import DossierImport
import Testing

@Suite("CSV scanner: records as chunks arrive, malformed ones reported and skipped")
struct CSVScannerTests {
    /// Every item of `text` fed `chunk` bytes at a time.
    static func items(_ text: String, chunk: Int) -> [CSVScanner.Item] {
        let bytes = Array(text.utf8)
        var scanner = CSVScanner()
        var items: [CSVScanner.Item] = []
        var offset = 0
        while true {
            let item = scanner.next()
            switch item {
            case .needsInput:
                if offset >= bytes.count {
                    scanner.finish()
                } else {
                    scanner.append(bytes[offset..<min(offset + chunk, bytes.count)])
                    offset += chunk
                }
            case .end:
                return items
            default:
                items.append(item)
            }
        }
    }

    static let quirky =
        "\u{FEFF}name,note,amount\r\n\"Acme, Ltd\",\"said \"\"hi\"\"\r\nthen left\",5e+05\r\n\"李\",\"\",1\r\nlast,row,2"

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func chunkBoundariesDoNotChangeTheRecords(chunk: Int) {
        let items = Self.items(Self.quirky, chunk: chunk)
        #expect(
            items == [
                .record(["name", "note", "amount"], line: 1),
                .record(["Acme, Ltd", "said \"hi\"\r\nthen left", "5e+05"], line: 2),
                .record(["李", "", "1"], line: 4),
                .record(["last", "row", "2"], line: 5),
            ])
    }

    @Test func aMalformedRecordIsReportedAndTheScanGoesOnAtTheNextLine() {
        let items = Self.items("a,b\nx\"y,1\nc,d\n", chunk: 3)
        #expect(items.count == 3)
        #expect(items[0] == .record(["a", "b"], line: 1))
        guard case .malformed(let error) = items[1] else {
            Issue.record("expected a malformed record, got \(items[1])")
            return
        }
        #expect(error.kind == .quoteInUnquotedField)
        #expect(error.line == 2)
        #expect(items[2] == .record(["c", "d"], line: 3))
    }

    @Test func aFileCutInsideAQuotedFieldEndsWithAMalformedRecord() {
        let items = Self.items("a,b\n1,2\n3,\"never closed\nmore", chunk: 5)
        #expect(items.count == 3)
        #expect(items[1] == .record(["1", "2"], line: 2))
        guard case .malformed(let error) = items[2] else {
            Issue.record("expected the cut record to be malformed")
            return
        }
        #expect(error.kind == .unterminatedQuote)
        #expect(error.line == 3)
    }

    @Test func consumedBytesCountsTheWholeInput() {
        var scanner = CSVScanner()
        scanner.append(Array("a,b\n1,2\n".utf8))
        scanner.finish()
        while case .record = scanner.next() {}
        #expect(scanner.consumedBytes == 8)
    }
}
