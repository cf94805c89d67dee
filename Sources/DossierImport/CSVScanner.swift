/// Cuts CSV bytes into records as they arrive, for files of any size: input is appended in
/// chunks, and only the record being read is kept (memory follows the longest record, not the
/// file). The RFC 4180 rules are `CSVReader`'s; this is the reader under it.
///
/// A malformed record never stops the scan: it comes out as `.malformed` with its position,
/// and the scan goes on at the next line. A quoted field still open at the end of the input
/// (a file cut in the middle of a record) is malformed too.
public struct CSVScanner: Sendable {
    public typealias Options = CSVReader.Options

    /// What `next()` found.
    public enum Item: Hashable, Sendable {
        /// A record, and the line (1-based) it starts on.
        case record([String], line: Int)
        /// A record that cannot be read; the scan resumes at the line after the problem.
        case malformed(CSVError)
        /// The record goes on past the input so far: append more, or `finish()`.
        case needsInput
        /// Everything was read.
        case end
    }

    public let options: Options
    private var bytes: [UInt8] = []
    private var index = 0
    private var isFinished = false
    private var atStart = true
    /// After a malformed record, until the next line break.
    private var skippingLine = false
    /// The current line (1-based) and the index where it starts, for positions in errors.
    private var line = 1
    private var lineStart = 0
    /// Records read so far, malformed ones included.
    public private(set) var recordNumber = 0
    /// Bytes consumed before `bytes[0]`, for progress.
    private var discarded = 0

    public init(options: Options = Options()) {
        precondition(
            ![Self.quote, Self.carriageReturn, Self.lineFeed].contains(options.delimiter),
            "a CSV delimiter cannot be a quote or a line break")
        self.options = options
    }

    /// Adds input after what was appended before.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        precondition(!self.isFinished, "no input after finish()")
        // Drop what is read once it is most of the buffer: the buffer stays about one chunk.
        if self.index > 0, self.index >= self.bytes.count / 2 {
            self.bytes.removeSubrange(0..<self.index)
            self.discarded += self.index
            self.lineStart -= self.index
            self.index = 0
        }
        self.bytes.append(contentsOf: chunk)
    }

    /// Says there is no more input: the last record may end without a line break.
    public mutating func finish() {
        self.isFinished = true
    }

    /// Bytes of input consumed so far.
    public var consumedBytes: Int { self.discarded + self.index }

    /// The next record, a malformed one, or what the scanner needs to go on.
    public mutating func next() -> Item {
        if self.atStart {
            // A UTF-8 byte order mark at the start is no data.
            guard self.bytes.count >= 3 || self.isFinished else { return .needsInput }
            self.atStart = false
            if self.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                self.index = 3
                self.lineStart = 3
            }
        }
        if self.skippingLine, !self.skipRestOfLine() { return self.isFinished ? .end : .needsInput }
        guard self.index < self.bytes.count else { return self.isFinished ? .end : .needsInput }
        let saved = (self.index, self.line, self.lineStart)
        let line = self.line
        do {
            guard let fields = try self.readRecord() else {
                (self.index, self.line, self.lineStart) = saved
                return .needsInput
            }
            self.recordNumber += 1
            return .record(fields, line: line)
        } catch {
            self.recordNumber += 1
            self.skippingLine = true
            _ = self.skipRestOfLine()
            return .malformed(error)
        }
    }

    // MARK: - Parsing

    static let quote = UInt8(ascii: "\"")
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")

    /// A whole record, or nil when the input ends inside it before `finish()`.
    private mutating func readRecord() throws(CSVError) -> [String]? {
        let recordStart = self.index
        let recordLine = self.line
        var fields: [String] = []
        while true {
            guard let (field, endsRecord) = try self.readField() else { return nil }
            fields.append(field)
            if fields.count > self.options.maximumFields {
                throw self.error(.tooManyFields(maximum: self.options.maximumFields))
            }
            if self.index - recordStart > self.options.maximumRecordBytes {
                throw CSVError(
                    kind: .recordTooLong(maximum: self.options.maximumRecordBytes), line: recordLine, column: 1,
                    record: self.recordNumber + 1)
            }
            if endsRecord { return fields }
        }
    }

    /// One field and whether it ended the record; nil when the input ends inside it.
    private mutating func readField() throws(CSVError) -> (String, endsRecord: Bool)? {
        let startLine = self.line
        let startColumn = self.column
        if self.index < self.bytes.count, self.bytes[self.index] == Self.quote {
            var value: [UInt8] = []
            self.index += 1
            while true {
                guard self.index < self.bytes.count else {
                    guard self.isFinished else { return nil }
                    throw CSVError(
                        kind: .unterminatedQuote, line: startLine, column: startColumn, record: self.recordNumber + 1)
                }
                let byte = self.bytes[self.index]
                if byte == Self.quote {
                    guard self.index + 1 < self.bytes.count || self.isFinished else { return nil }
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
                        column: startColumn, record: self.recordNumber + 1)
                }
            }
            switch try self.endOfField() {
            case .needsInput: return nil
            case .other: throw self.error(.characterAfterQuote)
            case .delimiter: return (try self.string(value[...], line: startLine, column: startColumn), false)
            case .recordEnd: return (try self.string(value[...], line: startLine, column: startColumn), true)
            }
        }
        let start = self.index
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == self.options.delimiter || byte == Self.carriageReturn || byte == Self.lineFeed { break }
            if byte == Self.quote { throw self.error(.quoteInUnquotedField) }
            self.index += 1
            if self.index - start > self.options.maximumFieldBytes {
                throw CSVError(
                    kind: .fieldTooLong(maximum: self.options.maximumFieldBytes), line: startLine, column: startColumn,
                    record: self.recordNumber + 1)
            }
        }
        let end = self.index
        // An unquoted field stops only at a delimiter, a line break or the end of the input.
        let ending = try self.endOfField()
        guard ending != .needsInput else { return nil }
        return (try self.string(self.bytes[start..<end], line: startLine, column: startColumn), ending == .recordEnd)
    }

    private enum FieldEnd { case delimiter, recordEnd, other, needsInput }

    /// Consumes what ends a field: the delimiter, a line break or the end of the input;
    /// consumes nothing when something else follows, or when the input so far ends first.
    private mutating func endOfField() throws(CSVError) -> FieldEnd {
        guard self.index < self.bytes.count else { return self.isFinished ? .recordEnd : .needsInput }
        switch self.bytes[self.index] {
        case self.options.delimiter:
            self.index += 1
            return .delimiter
        case Self.lineFeed:
            self.index += 1
            self.startLine(at: self.index)
            return .recordEnd
        case Self.carriageReturn:
            guard self.index + 1 < self.bytes.count else {
                if self.isFinished { throw self.error(.bareCarriageReturn) }
                return .needsInput
            }
            guard self.bytes[self.index + 1] == Self.lineFeed else { throw self.error(.bareCarriageReturn) }
            self.index += 2
            self.startLine(at: self.index)
            return .recordEnd
        default:
            return .other
        }
    }

    /// After a malformed record: on to the start of the next line; false when the input so
    /// far ends first (the skip goes on with the next input).
    private mutating func skipRestOfLine() -> Bool {
        guard let lineFeed = self.bytes[self.index...].firstIndex(of: Self.lineFeed) else {
            self.index = self.bytes.count
            return false
        }
        self.index = lineFeed + 1
        self.startLine(at: self.index)
        self.skippingLine = false
        return true
    }

    private mutating func startLine(at index: Int) {
        self.line += 1
        self.lineStart = index
    }

    private var column: Int { self.index - self.lineStart + 1 }

    private func error(_ kind: CSVError.Kind) -> CSVError {
        CSVError(kind: kind, line: self.line, column: self.column, record: self.recordNumber + 1)
    }

    private func string(_ bytes: ArraySlice<UInt8>, line: Int, column: Int) throws(CSVError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CSVError(kind: .invalidUTF8, line: line, column: column, record: self.recordNumber + 1)
        }
        return text
    }
}
