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
/// Reads from memory; limits bound what one record may cost.
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
    private let bytes: [UInt8]
    private var index: Int
    /// The current line (1-based) and the index where it starts, for positions in errors.
    private var line = 1
    private var lineStart: Int
    /// Records read so far, the header included.
    private var recordNumber = 0
    private var expectedFields: Int?
    /// The header's fields when `options.hasHeader`, once read.
    public private(set) var header: [String]?

    public init(_ bytes: [UInt8], options: Options = Options()) {
        precondition(
            ![UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(options.delimiter),
            "a CSV delimiter cannot be a quote or a line break")
        self.options = options
        self.bytes = bytes
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.index = start
        self.lineStart = start
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

    // MARK: - Parsing

    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private mutating func readRecord() throws(CSVError) -> [String]? {
        guard self.index < self.bytes.count else { return nil }
        self.recordNumber += 1
        let recordStart = self.index
        let recordLine = self.line
        var fields: [String] = []
        while true {
            let (field, endsRecord) = try self.readField()
            fields.append(field)
            if fields.count > self.options.maximumFields {
                throw self.error(.tooManyFields(maximum: self.options.maximumFields))
            }
            if self.index - recordStart > self.options.maximumRecordBytes {
                throw CSVError(
                    kind: .recordTooLong(maximum: self.options.maximumRecordBytes), line: recordLine, column: 1,
                    record: self.recordNumber)
            }
            if endsRecord { break }
        }
        if let expected = self.expectedFields {
            guard fields.count == expected else {
                throw CSVError(
                    kind: .fieldCountMismatch(expected: expected, actual: fields.count, againstHeader: self.options.hasHeader),
                    line: recordLine, column: 1, record: self.recordNumber)
            }
        } else {
            self.expectedFields = fields.count
        }
        return fields
    }

    /// Reads one field and what follows it; true when that ended the record.
    private mutating func readField() throws(CSVError) -> (String, endsRecord: Bool) {
        let startLine = self.line
        let startColumn = self.column
        var value: [UInt8] = []
        if self.index < self.bytes.count, self.bytes[self.index] == Self.quote {
            self.index += 1
            while true {
                guard self.index < self.bytes.count else {
                    throw CSVError(kind: .unterminatedQuote, line: startLine, column: startColumn, record: self.recordNumber)
                }
                let byte = self.bytes[self.index]
                if byte == Self.quote {
                    if self.index + 1 < self.bytes.count, self.bytes[self.index + 1] == Self.quote {
                        value.append(Self.quote)
                        self.index += 2
                    } else {
                        self.index += 1
                        break
                    }
                } else {
                    value.append(byte)
                    self.index += 1
                    if byte == Self.lineFeed { self.startLine(at: self.index) }
                }
                if value.count > self.options.maximumFieldBytes {
                    throw CSVError(
                        kind: .fieldTooLong(maximum: self.options.maximumFieldBytes), line: startLine,
                        column: startColumn, record: self.recordNumber)
                }
            }
            guard let endsRecord = try self.endOfField() else { throw self.error(.characterAfterQuote) }
            return (try Self.string(value, line: startLine, column: startColumn, record: self.recordNumber), endsRecord)
        }
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == self.options.delimiter || byte == Self.carriageReturn || byte == Self.lineFeed { break }
            if byte == Self.quote { throw self.error(.quoteInUnquotedField) }
            value.append(byte)
            self.index += 1
            if value.count > self.options.maximumFieldBytes {
                throw CSVError(
                    kind: .fieldTooLong(maximum: self.options.maximumFieldBytes), line: startLine, column: startColumn,
                    record: self.recordNumber)
            }
        }
        let endsRecord = try self.endOfField()!  // an unquoted field stops only at a delimiter, a line break or the end
        return (try Self.string(value, line: startLine, column: startColumn, record: self.recordNumber), endsRecord)
    }

    /// Consumes what ends a field: the delimiter (false), a line break or the end of the input
    /// (true). Returns nil, consuming nothing, when something else follows.
    private mutating func endOfField() throws(CSVError) -> Bool? {
        guard self.index < self.bytes.count else { return true }
        switch self.bytes[self.index] {
        case self.options.delimiter:
            self.index += 1
            return false
        case Self.lineFeed:
            self.index += 1
            self.startLine(at: self.index)
            return true
        case Self.carriageReturn:
            guard self.index + 1 < self.bytes.count, self.bytes[self.index + 1] == Self.lineFeed else {
                throw self.error(.bareCarriageReturn)
            }
            self.index += 2
            self.startLine(at: self.index)
            return true
        default:
            return nil
        }
    }

    private mutating func startLine(at index: Int) {
        self.line += 1
        self.lineStart = index
    }

    private var column: Int { self.index - self.lineStart + 1 }

    private func error(_ kind: CSVError.Kind) -> CSVError {
        CSVError(kind: kind, line: self.line, column: self.column, record: self.recordNumber)
    }

    private static func string(_ bytes: [UInt8], line: Int, column: Int, record: Int) throws(CSVError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CSVError(kind: .invalidUTF8, line: line, column: column, record: record)
        }
        return text
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
