import Foundation

/// The rejects of an import, as CSV a spreadsheet opens: `line,column,key,code,reason`, one row
/// per refused row, written by the client (never the daemon) where the user said.
public final class RejectFile {
    public struct Entry: Hashable, Sendable {
        public var line: Int
        /// The file's column (or the daemon's field) at fault, when known.
        public var column: String?
        public var key: String?
        /// `csv` (unreadable line), `mapping` (a value the format cannot read), `size` (a row
        /// too big for one request), or the daemon's
        /// error code (`dossier.RuleViolation`, ...).
        public var code: String
        public var reason: String
    }

    public let path: String
    private let handle: FileHandle
    private var buffered: [UInt8] = []

    /// Creates (or empties) the file at `path` and writes the header.
    /// - Throws: `ImportFileError.cannotWrite`.
    public init(path: String) throws(ImportFileError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .cannotWrite(path: path, reason: "cannot create the file") }
        self.path = path
        self.handle = handle
        self.buffered = CSVWriter.render([["line", "column", "key", "code", "reason"]])
    }

    public func write(_ entry: Entry) throws {
        self.buffered += CSVWriter.render([
            [String(entry.line), entry.column ?? "", entry.key ?? "", entry.code, entry.reason]
        ])
        if self.buffered.count >= 64 * 1024 { try self.flush() }
    }

    public func close() throws {
        try self.flush()
        try self.handle.close()
    }

    private func flush() throws {
        guard !self.buffered.isEmpty else { return }
        do {
            try self.handle.write(contentsOf: self.buffered)
        } catch {
            throw ImportFileError.cannotWrite(path: self.path, reason: "\(error.localizedDescription)")
        }
        self.buffered.removeAll(keepingCapacity: true)
    }
}
