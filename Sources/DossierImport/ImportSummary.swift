/// What an import did, for the summary the CLI prints (and `--json`).
public struct ImportSummary: Codable, Hashable, Sendable {
    /// Data rows read after the header (bad lines included, blank lines not).
    public var rowsRead = 0
    /// Rows whose facts were appended (in a dry run: rows that would be sent).
    public var accepted = 0
    /// Rows the file, the mapping or the daemon refused: each is in the rejects file.
    public var rejected = 0
    /// Rows whose source and key were imported before: nothing appended.
    public var duplicates = 0
    /// Lines before the header, a second header row, blank lines.
    public var skippedLines = 0
    public var events = 0
    public var seconds = 0.0
    public var encoding = "UTF-8"
    /// Byte sequences the encoding does not have, read as U+FFFD.
    public var replacedSequences = 0
    public var dryRun = false

    public init() {}

    public var rowsPerSecond: Double { self.seconds > 0 ? Double(self.rowsRead) / self.seconds : 0 }
    public var eventsPerSecond: Double { self.seconds > 0 ? Double(self.events) / self.seconds : 0 }

    /// The summary as people read it.
    public var text: String {
        var lines = [
            "rows read     \(self.rowsRead)" + (self.skippedLines > 0 ? " (\(self.skippedLines) other lines skipped)" : ""),
            "accepted      \(self.accepted)" + (self.dryRun ? " (dry run: nothing sent)" : ""),
            "rejected      \(self.rejected)",
            "duplicates    \(self.duplicates)",
            "events        \(self.events)",
            "time          " + Self.format(self.seconds, digits: 2) + " s, " + Self.format(self.rowsPerSecond, digits: 0)
                + " rows/s, " + Self.format(self.eventsPerSecond, digits: 0) + " events/s",
            "encoding      \(self.encoding)",
        ]
        if self.replacedSequences > 0 {
            lines.append("unreadable    \(self.replacedSequences) byte sequences not in \(self.encoding), read as U+FFFD")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, digits: Int) -> String {
        let scale = Double([1, 10, 100, 1000][min(digits, 3)])
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }

    enum CodingKeys: String, CodingKey {
        case rowsRead, accepted, rejected, duplicates, skippedLines, events, seconds, encoding, replacedSequences, dryRun
    }
}
