/// A strict RFC 4180 CSV reader, for importers of external data (ratings, bureau records).
///
/// - Fields are separated by the delimiter (`,` by default) and records by CRLF or LF.
/// - A field may be quoted: `"a, b"`. Inside quotes, delimiters and line breaks are data and a
///   quote is written twice: `"say ""hi"""` reads `say "hi"`.
/// - Every record has as many fields as the header (or, without a header, as the first record).
///   An empty line is a record of one empty field, so a stray blank line in a file with a header
///   is reported, not skipped. A line break at the very end of the input ends the last record.
/// - A UTF-8 byte order mark at the start is skipped; fields must be valid UTF-8.
/// - Anything else is an error naming its line and column (1-based; columns count bytes): a
///   quote inside an unquoted field, text after a closing quote, a quote never closed, a bare
///   CR, invalid UTF-8, a wrong field count, or a field, record or field count over its limit.
///
/// Reads from memory, through `CSVScanner` (which streams); limits bound what one record may cost.
public struct CSVReader: Sendable {
    public struct Options: Sendable, Hashable {
        /// The field separator; never a quote, CR or LF.
        public var delimiter: UInt8 = UInt8(ascii: ",")
        /// The first record names the columns: `header` holds it and `nextRecord()` starts after it.
        public var hasHeader = false
        /// Longest field, in bytes after unquoting.
        public var maximumFieldBytes = 64 * 1024
        /// Longest record, in bytes as written (quotes and delimiters included).
        public var maximumRecordBytes = 1 << 20
        /// Most fields in a record.
        public var maximumFields = 1024

        public init() {}
    }

    public let options: Options
    private var scanner: CSVScanner
    private var expectedFields: Int?
    /// The header's fields when `options.hasHeader`, once read.
    public private(set) var header: [String]?

    public init(_ bytes: [UInt8], options: Options = Options()) {
        self.options = options
        self.scanner = CSVScanner(options: options)
        self.scanner.append(bytes)
        self.scanner.finish()
    }

    public init(_ text: String, options: Options = Options()) {
        self.init(Array(text.utf8), options: options)
    }

    /// The next data record, or nil at the end of the input. Reads the header first when the
    /// options say there is one.
    public mutating func nextRecord() throws(CSVError) -> [String]? {
        if self.options.hasHeader, self.header == nil {
            guard let header = try self.readRecord() else { return nil }
            self.header = header
        }
        return try self.readRecord()
    }

    /// Reads the whole input.
    public static func read(_ bytes: [UInt8], options: Options = Options()) throws(CSVError) -> CSVTable {
        var reader = CSVReader(bytes, options: options)
        var records: [[String]] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return CSVTable(header: reader.header, records: records)
    }

    public static func read(_ text: String, options: Options = Options()) throws(CSVError) -> CSVTable {
        try Self.read(Array(text.utf8), options: options)
    }

    /// The scanner's next record, held to the strict rules: the first malformed record ends
    /// the reading, and every record has the first one's field count.
    private mutating func readRecord() throws(CSVError) -> [String]? {
        switch self.scanner.next() {
        case .record(let fields, let line):
            if let expected = self.expectedFields {
                guard fields.count == expected else {
                    throw CSVError(
                        kind: .fieldCountMismatch(
                            expected: expected, actual: fields.count, againstHeader: self.options.hasHeader),
                        line: line, column: 1, record: self.scanner.recordNumber)
                }
            } else {
                self.expectedFields = fields.count
            }
            return fields
        case .malformed(let error):
            throw error
        case .end:
            return nil
        case .needsInput:
            preconditionFailure("the whole input was given to the scanner")
        }
    }
}

/// A whole CSV input: the header when there is one, and the data records.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]?
    public var records: [[String]]

    public init(header: [String]?, records: [[String]]) {
        self.header = header
        self.records = records
    }
}

/// Why a CSV input cannot be read, and where.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A quoted field is never closed; the position is its opening quote.
        case unterminatedQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// Something other than a delimiter or a line break after a closing quote.
        case characterAfterQuote
        /// A CR not followed by LF outside quotes.
        case bareCarriageReturn
        /// A record has another number of fields than the header (or the first record).
        case fieldCountMismatch(expected: Int, actual: Int, againstHeader: Bool)
        case fieldTooLong(maximum: Int)
        case recordTooLong(maximum: Int)
        case tooManyFields(maximum: Int)
        /// A field is not valid UTF-8; the position is the field's start.
        case invalidUTF8
    }

    public var kind: Kind
    /// 1-based line of the input (line breaks inside quoted fields count).
    public var line: Int
    /// 1-based column, in bytes from the start of the line.
    public var column: Int
    /// 1-based record number, the header included.
    public var record: Int

    public init(kind: Kind, line: Int, column: Int, record: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        self.record = record
    }

    public var description: String {
        let problem: String
        switch self.kind {
        case .unterminatedQuote:
            problem = "the quoted field starting here is never closed; close it with a quote (\")"
        case .quoteInUnquotedField:
            problem = "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")"
        case .characterAfterQuote:
            problem = "text after a closing quote; a quoted field must end at a delimiter or a line break"
        case .bareCarriageReturn:
            problem = "a carriage return not followed by a line feed; end lines with CRLF or LF"
        case .fieldCountMismatch(let expected, let actual, let againstHeader):
            problem = "record \(self.record) has \(actual) fields, "
                + (againstHeader ? "the header has \(expected)" : "the first record has \(expected)")
        case .fieldTooLong(let maximum):
            problem = "a field longer than \(maximum) bytes"
        case .recordTooLong(let maximum):
            problem = "a record longer than \(maximum) bytes"
        case .tooManyFields(let maximum):
            problem = "a record with more than \(maximum) fields"
        case .invalidUTF8:
            problem = "the field starting here is not valid UTF-8; save the file as UTF-8"
        }
        return "line \(self.line), column \(self.column): \(problem)"
    }
}

/// Renders records as RFC 4180 CSV that `CSVReader` reads back to the same records: CRLF after
/// every record; a field is quoted when it holds the delimiter, a quote, a line break or a
/// leading byte order mark, or is a record's only field and empty.
public enum CSVWriter {
    public static func render(_ records: [[String]], delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var output: [UInt8] = []
        for record in records {
            precondition(!record.isEmpty, "a CSV record has at least one field")
            for (position, field) in record.enumerated() {
                if position > 0 { output.append(delimiter) }
                let bytes = Array(field.utf8)
                let needsQuotes =
                    (record.count == 1 && bytes.isEmpty) || bytes.starts(with: [0xEF, 0xBB, 0xBF])
                    || bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
                if needsQuotes {
                    output.append(0x22)
                    for byte in bytes {
                        output.append(byte)
                        if byte == 0x22 { output.append(0x22) }
                    }
                    output.append(0x22)
                } else {
                    output += bytes
                }
            }
            output += [0x0D, 0x0A]
        }
        return output
    }
}
