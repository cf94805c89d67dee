import DossierProtocol
import Foundation

/// Where batches of rows go: the daemon's `import.rows`, answered in the order sent.
public protocol ImportSink: AnyObject {
    func send(_ batch: ImportRowsParams) throws
    func receive() throws -> ImportRowsResult
}

/// How an import runs.
public struct ImportOptions: Sendable {
    /// Rows per `import.rows` request (at most the daemon's `import.max_rows_per_request`).
    public var batchRows = 500
    /// Most bytes one request's rows may take, as `ImportRowParams.estimatedBytes` counts them:
    /// a batch is sent early when its rows reach it. Keep it well under the daemon's
    /// `server.max_line_bytes` (1 MiB by default).
    public var batchBytes = 512 * 1024
    /// Requests sent before the first answer is awaited: the daemon's writer always has the
    /// next batch while it commits one.
    public var batchesInFlight = 4
    /// Check the file and the mapping without sending anything.
    public var dryRun = false
    /// Stop at the first bad row: the rows before it are imported, none after it is read.
    public var strict = false
    /// nil: detect.
    public var encoding: String?

    public init() {}
}

/// Reads a file in a format, sends its rows in batches, and counts what became of them. A
/// bad row never stops it (but with `strict`): it goes to the rejects and the rest goes on.
public final class ImportRunner {
    public let format: any ImportFormat
    public let options: ImportOptions
    private let rejects: RejectFile?
    private let progress: ((ImportProgress) -> Void)?
    private var summary = ImportSummary()
    private var outstanding: [[ImportRowParams]] = []
    /// The estimated size of the batch being filled.
    private var batchBytes = 0
    private var stopped = false
    private let started = ContinuousClock.now

    public init(
        format: any ImportFormat, options: ImportOptions, rejects: RejectFile?,
        progress: ((ImportProgress) -> Void)? = nil
    ) {
        self.format = format
        self.options = options
        self.rejects = rejects
        self.progress = progress
    }

    /// Imports `path` into `sink` (none for a dry run).
    /// - Throws: `ImportFileError` when the file cannot be read as this format at all; the
    ///   sink's error when the daemon fails the import (not a row).
    public func run(path: String, sink: (any ImportSink)?) throws -> ImportSummary {
        let reader = try CSVFileReader(path: path, encoding: self.options.encoding)
        self.summary.encoding = reader.encoding
        let table = try SourceTable(
            reader: reader, format: self.format.kind, expected: self.format.expectedColumns,
            recognize: self.format.columns(of:))
        let sorter = self.format.appliesInDateOrder ? try DateOrderSpill() : nil
        var batch: [ImportRowParams] = []
        while !self.stopped, let item = try table.next() {
            self.summary.rowsRead += 1
            switch item {
            case .bad(let line, let column, let reason):
                try self.reject(line: line, column: column.map(String.init), key: nil, code: "csv", reason: reason)
            case .row(let row):
                do {
                    let params = try self.format.map(row)
                    if let sorter {
                        try sorter.add(params, day: self.format.effectiveDay(of: params) ?? Int.min)
                    } else {
                        try self.add(params, to: &batch, sink: sink)
                    }
                } catch let problem as RowProblem {
                    try self.reject(line: row.line, column: problem.column, key: nil, code: "mapping", reason: problem.reason)
                }
            }
            if self.summary.rowsRead % 1024 == 0 { self.report(reader) }
        }
        if let sorter, !self.stopped {
            try sorter.forEachInOrder { params in
                guard !self.stopped else { return }
                try self.add(params, to: &batch, sink: sink)
            }
        }
        // With `strict`, the rows before the bad one are still sent: the import stops at it.
        try self.submit(&batch, to: sink)
        while !self.outstanding.isEmpty, let sink { try self.collect(from: sink) }
        self.summary.skippedLines = table.skippedLines
        self.summary.replacedSequences = reader.replacedSequences
        self.summary.seconds = Self.seconds(since: self.started)
        self.summary.dryRun = self.options.dryRun
        self.report(reader)
        try self.rejects?.close()
        return self.summary
    }

    /// Adds a row to the batch, sending the batch first when the row would take it over
    /// `batchBytes`, and after when it is full; a row bigger than a whole batch is a reject.
    private func add(_ row: ImportRowParams, to batch: inout [ImportRowParams], sink: (any ImportSink)?) throws {
        let size = row.estimatedBytes
        guard size <= self.options.batchBytes else {
            // Alone it would still make a request the daemon refuses whole.
            try self.reject(
                line: row.line ?? 0, column: nil, key: row.key, code: "size",
                reason: "the row takes about \(size) bytes, more than a request may (--batch-bytes \(self.options.batchBytes))")
            return
        }
        if !batch.isEmpty, self.batchBytes + size > self.options.batchBytes { try self.submit(&batch, to: sink) }
        batch.append(row)
        self.batchBytes += size
        if batch.count >= self.options.batchRows { try self.submit(&batch, to: sink) }
    }

    private func submit(_ batch: inout [ImportRowParams], to sink: (any ImportSink)?) throws {
        defer {
            batch.removeAll(keepingCapacity: true)
            self.batchBytes = 0
        }
        guard !batch.isEmpty else { return }
        guard let sink, !self.options.dryRun else {
            self.summary.accepted += batch.count  // a dry run counts what would be sent
            return
        }
        try sink.send(ImportRowsParams(source: self.format.source, rows: batch))
        self.outstanding.append(batch)
        if self.outstanding.count >= self.options.batchesInFlight { try self.collect(from: sink) }
    }

    /// Takes the oldest batch's answer and counts it.
    private func collect(from sink: any ImportSink) throws {
        let sent = self.outstanding.removeFirst()
        let result = try sink.receive()
        for (row, answer) in zip(sent, result.rows) {
            switch answer.status {
            case .accepted:
                self.summary.accepted += 1
                self.summary.events += answer.events
            case .duplicate:
                self.summary.duplicates += 1
            case .rejected:
                let error = answer.error
                if let error, Self.stopsTheImport(error.code) { throw error }
                try self.reject(
                    line: row.line ?? 0, column: Self.field(of: error), key: row.key,
                    code: error?.code.rawValue ?? "rejected", reason: error?.message ?? "refused")
            }
        }
    }

    private func reject(line: Int, column: String?, key: String?, code: String, reason: String) throws {
        self.summary.rejected += 1
        try self.rejects?.write(RejectFile.Entry(line: line, column: column, key: key, code: code, reason: reason))
        if self.options.strict { self.stopped = true }
    }

    /// Codes that say the daemon cannot go on (full, shutting down): the import stops there.
    static func stopsTheImport(_ code: ErrorCode) -> Bool {
        [ErrorCode.storageFull, .unavailable, .forbidden].contains(code)
    }

    /// The field a daemon's refusal names, if any.
    static func field(of error: WireError?) -> String? {
        guard case .string(let field)? = error?.details?["field"] else { return nil }
        return field
    }

    private func report(_ reader: CSVFileReader) {
        self.progress?(
            ImportProgress(
                bytesRead: reader.bytesRead, totalBytes: reader.size, rows: self.summary.rowsRead,
                seconds: Self.seconds(since: self.started)))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// How far an import is, for a progress bar.
public struct ImportProgress: Sendable {
    public var bytesRead: Int64
    /// 0 when unknown.
    public var totalBytes: Int64
    public var rows: Int
    public var seconds: Double
}
