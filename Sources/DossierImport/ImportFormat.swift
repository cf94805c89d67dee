import DossierProtocol

/// A kind of file `dossier import` reads: which header is its own, and how a row becomes the
/// facts of an `import.rows` row. Every number and table it uses comes from its mapping file
/// (`config/import/<kind>.toml` holds the defaults), never from code.
public protocol ImportFormat: Sendable {
    /// `cfpb`, `uci-credit`, `agency-ratings`, `mapped`.
    var kind: String { get }
    /// The namespace of the row keys: the same source and key is the same record, whichever file.
    var source: String { get }
    /// How dates with day and month both up to 12 are read.
    var dayOrder: SpreadsheetValues.DayOrder { get }
    /// Some of the columns its header has, for the error when none is found.
    var expectedColumns: String { get }
    /// The canonical columns of `header` (normalized names), or nil when it is not this format's.
    func columns(of header: [String]) -> [String: Int]?
    /// The row's facts, or what is wrong with it.
    func map(_ row: SourceRow) throws(RowProblem) -> ImportRowParams
    /// The day a row takes effect when rows must be applied in date order (agency ratings);
    /// nil: in file order.
    func effectiveDay(of row: ImportRowParams) -> Int?
    /// Whether rows are sent in `effectiveDay` order rather than the file's.
    var appliesInDateOrder: Bool { get }
}

extension ImportFormat {
    public func effectiveDay(of row: ImportRowParams) -> Int? { nil }
    public var appliesInDateOrder: Bool { false }
}

/// Why one row cannot be imported: the column (as the file names it) and the reason.
public struct RowProblem: Error, Hashable, Sendable {
    public var column: String?
    public var reason: String

    public init(column: String?, _ reason: String) {
        self.column = column
        self.reason = reason
    }
}

/// The columns a format knows, each under the names files give it.
public struct ColumnAliases: Sendable {
    /// Canonical name -> accepted header names (compared normalized).
    public var aliases: [(String, [String])]
    public var required: Set<String>

    public init(_ aliases: [(String, [String])], required: Set<String>) {
        self.aliases = aliases
        self.required = required
    }

    /// The canonical columns found in `header`, when every required one is there.
    public func columns(of header: [String]) -> [String: Int]? {
        var found: [String: Int] = [:]
        for (canonical, names) in self.aliases {
            let wanted = Set(names.map(SourceTable.normalized))
            if let index = header.firstIndex(where: wanted.contains) { found[canonical] = index }
        }
        return self.required.isSubset(of: found.keys) ? found : nil
    }
}

/// Stable ids made from text, for customers a file names without an id of ours.
public enum StableID {
    /// 16 hex digits of the 64-bit FNV-1a hash of `text`: the same text always gives the same
    /// id, on every machine and in every run (unlike Swift's seeded `Hasher`).
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A customer id from free text: kept when it is already one (letters, digits, `.`, `_`,
    /// `-`, at most 64), else the hash of it.
    public static func customerID(prefix: String, from text: String) -> String {
        let allowed = text.count <= 64 && !text.isEmpty
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }
        return prefix + (allowed ? text : Self.hex(text))
    }
}
