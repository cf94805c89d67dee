internal import CLMDB
#if canImport(Glibc)
import Glibc
#endif

/// An error returned by an LMDB call, keeping LMDB's own code so callers can match on it.
///
/// Codes from `lmdb.h` (`MDB_MAP_FULL`, `MDB_NOTFOUND`, ...) and `errno` values (`ENOENT`,
/// `EACCES`, ...) both come through here; `message` is `mdb_strerror` of the code.
public struct LMDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// LMDB's numeric return code.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        public static let keyExists = Code(rawValue: MDB_KEYEXIST)
        public static let notFound = Code(rawValue: MDB_NOTFOUND)
        public static let corrupted = Code(rawValue: MDB_CORRUPTED)
        public static let panic = Code(rawValue: MDB_PANIC)
        public static let versionMismatch = Code(rawValue: MDB_VERSION_MISMATCH)
        public static let invalid = Code(rawValue: MDB_INVALID)
        public static let mapFull = Code(rawValue: MDB_MAP_FULL)
        public static let databasesFull = Code(rawValue: MDB_DBS_FULL)
        public static let readersFull = Code(rawValue: MDB_READERS_FULL)
        public static let transactionFull = Code(rawValue: MDB_TXN_FULL)
        public static let mapResized = Code(rawValue: MDB_MAP_RESIZED)
        public static let badValueSize = Code(rawValue: MDB_BAD_VALSIZE)
        /// Not LMDB's: the `Environment` was closed, so no transaction can begin.
        public static let environmentClosed = Code(rawValue: Int32.min)
        /// `errno` values LMDB passes through from the file system.
        public static let noSpace = Code(rawValue: ENOSPC)
        public static let quotaExceeded = Code(rawValue: EDQUOT)
        public static let inputOutput = Code(rawValue: EIO)
    }

    /// The code LMDB returned.
    public let code: Code
    /// The LMDB function that failed, e.g. `mdb_put`.
    public let operation: String

    public init(code: Code, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// LMDB's own description of the code (`mdb_strerror`).
    public var message: String {
        if self.code == .environmentClosed { return "the environment is closed" }
        return String(cString: mdb_strerror(self.code.rawValue))
    }

    public var description: String { "\(self.operation) failed: \(self.message) (\(self.code.rawValue))" }

    public static func == (lhs: LMDBError, rhs: LMDBError) -> Bool { lhs.code == rhs.code }
}

/// Throws an `LMDBError` unless `rc` is `MDB_SUCCESS`.
@inline(__always)
func check(_ rc: Int32, _ operation: StaticString) throws(LMDBError) {
    if rc != MDB_SUCCESS {
        throw LMDBError(code: .init(rawValue: rc), operation: "\(operation)")
    }
}
