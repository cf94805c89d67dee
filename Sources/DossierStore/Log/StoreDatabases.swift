import DossierCore
import LMDB

/// The named databases of a Dossier data directory, opened once at startup.
///
/// - `events`: sequence (u64 BE) -> hash || record (`EventRecordCodec`), appended with MDB_APPEND.
/// - `streams`: stream id || 0x00 || version (u64 BE) -> sequence (u64 BE).
/// - `event_ids`: event id (16 bytes) -> sequence, for idempotent retries.
/// - `meta`: `format`, `head` (sequence || hash), `created_at`, `checkpoint.<projection>`,
///   `projection_format`, `log_id` (once a journal was used).
/// - projections: the tables of each `Projection` in `ProjectionRegistry`.
struct StoreDatabases: Sendable {
    /// The log format this build writes.
    ///
    /// `/2` added salted records (`EventRecordCodec.saltedFormat`). A `/1` log is read as it is
    /// and marked `/2` when this build opens it for writing, since it may then append salted
    /// records that a `/1` daemon cannot read: an older daemon refuses it instead of failing
    /// on the first salted event.
    static let format = "dossier-log/2"
    /// Older formats this build reads and upgrades.
    static let upgradableFormats: Set<String> = ["dossier-log/1"]
    static let formatPrefix = "dossier-log/"

    let events: Database
    let streams: Database
    let eventIDs: Database
    let meta: Database
    let projections: ProjectionTables

    enum MetaKey {
        static let format = Array("format".utf8)
        static let head = Array("head".utf8)
        static let createdAt = Array("created_at".utf8)
        static let projectionFormat = Array("projection_format".utf8)
        /// The log's identity, which binds a write-ahead journal to it (DossierStore+Journal).
        static let logID = Array("log_id".utf8)
        static func checkpoint(_ projection: String) -> [UInt8] { Array("checkpoint.\(projection)".utf8) }
    }

    /// Opens the databases, creating them in an empty environment, and checks the format.
    /// - Throws: `StoreError.notADossierStore` for a foreign LMDB file,
    ///   `StoreError.unsupportedFormat` for a log of another format version.
    static func open(in environment: Environment, now: Timestamp) throws -> StoreDatabases {
        if environment.configuration.flags.contains(.readOnly) { return try Self.openReadOnly(in: environment) }
        let main = try environment.openDatabase(named: nil)
        let existingNames: [String] = try environment.read { txn in
            var names: [String] = []
            try txn.scan(main) { key, _ in
                names.append(String(decoding: key, as: UTF8.self))
                return true
            }
            return names
        }
        if !existingNames.isEmpty && !existingNames.contains("meta") {
            throw StoreError.notADossierStore(path: environment.path)
        }

        let meta = try environment.openDatabase(named: "meta")
        let storedFormat = try environment.read { txn in
            try txn.get(meta, forKey: MetaKey.format).map { String(decoding: $0, as: UTF8.self) }
        }
        switch storedFormat {
        case .some(Self.format):
            break
        case .some(let older) where Self.upgradableFormats.contains(older):
            try environment.write { txn in try txn.put(meta, key: MetaKey.format, value: Array(Self.format.utf8)) }
        case .some(let other):
            if other.hasPrefix(Self.formatPrefix) {
                throw StoreError.unsupportedFormat(found: other, supported: Self.format)
            }
            throw StoreError.notADossierStore(path: environment.path)
        case .none:
            guard existingNames.isEmpty else { throw StoreError.notADossierStore(path: environment.path) }
            try environment.write { txn in
                try txn.put(meta, key: MetaKey.format, value: Array(Self.format.utf8))
                try txn.put(meta, key: MetaKey.head, value: LogHead.empty.encoded)
                try txn.put(meta, key: MetaKey.createdAt, value: Array(now.iso8601.utf8))
            }
        }

        return StoreDatabases(
            events: try environment.openDatabase(named: "events"),
            streams: try environment.openDatabase(named: "streams"),
            eventIDs: try environment.openDatabase(named: "event_ids"),
            meta: meta,
            projections: try ProjectionTables.open(in: environment, create: true)
        )
    }

    /// Opens the databases of an existing log without writing anything: for verifying a backup
    /// copy or a stopped daemon's files.
    /// - Throws: `StoreError.notADossierStore` or `.unsupportedFormat` as `open`.
    private static func openReadOnly(in environment: Environment) throws -> StoreDatabases {
        func open(_ name: String) throws -> Database {
            do {
                return try environment.openDatabase(named: name, create: false)
            } catch let error as LMDBError where error.code == .notFound {
                throw StoreError.notADossierStore(path: environment.path)
            }
        }
        let meta = try open("meta")
        let storedFormat = try environment.read { txn in
            try txn.get(meta, forKey: MetaKey.format).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let storedFormat, storedFormat.hasPrefix(Self.formatPrefix) else {
            throw StoreError.notADossierStore(path: environment.path)
        }
        guard storedFormat == Self.format || Self.upgradableFormats.contains(storedFormat) else {
            throw StoreError.unsupportedFormat(found: storedFormat, supported: Self.format)
        }
        // A copy made by an older build may lack a newer projection's tables: verifying reads
        // the log only, so open what exists and create nothing.
        return StoreDatabases(
            events: try open("events"), streams: try open("streams"), eventIDs: try open("event_ids"), meta: meta,
            projections: try ProjectionTables.open(in: environment, create: false, skippingMissing: true))
    }
}
