internal import CLMDB

/// A named database inside an `Environment`, opened once at startup.
///
/// It is a plain handle (`MDB_dbi`): valid for the lifetime of the environment that opened it
/// and usable from any transaction of that environment.
public struct Database: Sendable, Hashable {
    let dbi: UInt32
    /// The name it was opened with.
    public let name: String

    init(dbi: UInt32, name: String) {
        self.dbi = dbi
        self.name = name
    }
}

/// Flags for `mdb_put`.
public struct PutFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Fail with `.keyExists` rather than overwrite.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// The key sorts after every existing key: LMDB appends without searching and keeps pages full.
    /// An out-of-order key fails with `.keyExists`.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
}
