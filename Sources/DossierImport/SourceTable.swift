/// The data rows of a CSV file under its header, wherever the header is: lines a tool printed
/// before it (a title, an export date) are skipped, and a second header row right under it
/// (UCI's `ID, X1..X23, Y` followed by the real names) is taken as a header too.
public final class SourceTable {
    /// What the table yields.
    public enum Item {
        case row(SourceRow)
        /// A line that cannot be a row: malformed CSV, or a field count unlike the header's.
        case bad(line: Int, column: Int?, reason: String)
    }

    private let reader: CSVFileReader
    /// The header's columns: canonical field name -> field index.
    public let columns: [String: Int]
    /// The header's names as the file writes them (the second header row's, when there is one).
    public private(set) var header: [String]
    /// Lines before the header (skipped), and blank lines among the rows.
    public private(set) var skippedLines = 0
    /// A data row read while looking for a second header row.
    private var peeked: CSVScanner.Item?

    /// Reads up to the header.
    /// - Parameter recognize: the canonical columns of a header, or nil when `fields` is none.
    /// - Throws: `ImportFileError.headerNotFound` when none of the first `searchLimit` records is.
    public init(
        reader: CSVFileReader, format: String, expected: String, searchLimit: Int = 100,
        recognize: ([String]) -> [String: Int]?
    ) throws(ImportFileError) {
        self.reader = reader
        var searched = 0
        while true {
            let item = try reader.next()
            searched += 1
            if case .record(let fields, _) = item, let columns = recognize(fields.map(Self.normalized)) {
                self.header = fields
                self.columns = columns
                break
            }
            guard item != .end, searched < searchLimit else {
                throw .headerNotFound(format: format, searched: searched, expected: expected)
            }
            self.skippedLines += 1
        }
        let next = try reader.next()
        if case .record(let fields, _) = next, fields.count == self.header.count,
            recognize(fields.map(Self.normalized)) != nil
        {
            // The second header row names the same columns, in the names people know (UCI's
            // LIMIT_BAL under X1): rejects name them so.
            self.header = fields
            self.skippedLines += 1
        } else {
            self.peeked = next
        }
    }

    /// The next row, a bad line, or nil at the end.
    public func next() throws(ImportFileError) -> Item? {
        while true {
            let item: CSVScanner.Item
            if let peeked = self.peeked {
                item = peeked
                self.peeked = nil
            } else {
                item = try self.reader.next()
            }
            switch item {
            case .end, .needsInput:
                return nil
            case .malformed(let error):
                return .bad(line: error.line, column: error.column, reason: error.description)
            case .record(let fields, let line):
                if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                    self.skippedLines += 1
                    continue
                }
                guard fields.count == self.header.count else {
                    return .bad(
                        line: line, column: nil,
                        reason: "the row has \(fields.count) fields, the header \(self.header.count)")
                }
                return .row(SourceRow(line: line, fields: fields, columns: self.columns, header: self.header))
            }
        }
    }

    /// How a header cell is compared: lower case, spaces trimmed and single, no byte order mark.
    public static func normalized(_ name: String) -> String {
        name.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingWhitespace().lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One data row: its fields by canonical column name, and its line for rejects.
public struct SourceRow: Sendable {
    public let line: Int
    public let fields: [String]
    let columns: [String: Int]
    let header: [String]

    /// The trimmed value of a canonical column; nil when the file has no such column.
    public func value(_ column: String) -> String? {
        self.columns[column].map { self.fields[$0].trimmingWhitespace() }
    }

    /// The column's name as the file's header writes it (for rejects).
    public func headerName(_ column: String) -> String {
        self.columns[column].map { self.header[$0] } ?? column
    }

    /// The 1-based position of a canonical column.
    public func position(_ column: String) -> Int? { self.columns[column].map { $0 + 1 } }
}
