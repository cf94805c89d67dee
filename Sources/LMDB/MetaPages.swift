#if canImport(Glibc)
import Glibc
#endif

/// The two meta pages at the start of an LMDB 0.9 data file, read and written as LMDB's own
/// commit writes them, for a write-ahead journal that must put the file back on the snapshot
/// of its last checkpoint after a power cut.
///
/// Why: with `MDB_NOSYNC` a commit's pages and its meta page reach the disk in any order, so
/// after a power cut the newer meta page may point at pages that never arrived. The journal
/// keeps the bytes of the meta page of its last flushed checkpoint and writes them back into
/// both slots before the environment opens; the pages that snapshot uses are intact because a
/// `SnapshotPin` kept them from reuse.
///
/// Layout (lmdb 0.9, `mdb.c`, 64-bit): page `n` of the file is meta slot `n` for `n` in 0 and 1,
/// `txnid & 1` being the slot a commit writes. Each page is a 16-byte page header, then
/// `MDB_meta`: magic (u32), version (u32), address (8), mapsize (8), the free and main
/// database records (2 x 48), last page (8), txnid (8). A commit writes bytes 32..<152 of its
/// slot (from mapsize on, `mdb_env_write_meta`); the bytes before never change after creation.
public enum MetaPages {
    /// What a commit writes of its slot, as LMDB writes it.
    public struct Image: Sendable, Hashable {
        public static let offset = 32
        public static let length = 120
        public let bytes: [UInt8]

        public init?(bytes: [UInt8]) {
            guard bytes.count == Self.length else { return nil }
            self.bytes = bytes
        }

        /// The transaction the slot was written by.
        public var transactionID: UInt64 { Self.little(self.bytes, at: 112) }
        /// The last page the snapshot uses: the file holds at least `(lastPage + 1)` pages.
        public var lastPage: UInt64 { Self.little(self.bytes, at: 104) }

        static func little(_ bytes: [UInt8], at offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
    }

    static let magic: UInt32 = 0xBEEF_C0DE
    static let metaFlag: UInt16 = 0x08  // P_META

    /// Both slots' images, or nil for a slot whose static part is not an LMDB meta page.
    public static func read(dataFile: String, pageSize: Int) throws -> [Image?] {
        let fd = try Self.open(dataFile, flags: O_RDONLY)
        defer { close(fd) }
        return try (0..<2).map { slot in
            var page = [UInt8](repeating: 0, count: 152)
            let got = page.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 152, off_t(slot * pageSize)) }
            guard got >= 0 else { throw LMDBError(code: .init(rawValue: errno), operation: "pread meta page") }
            guard got == 152, Self.isMeta(page) else { return nil }
            return Image(bytes: Array(page[Image.offset..<152]))
        }
    }

    /// Writes `image` into both slots and flushes, so that the environment opens on its
    /// snapshot; both slots must already be LMDB meta pages of this page size.
    public static func restore(_ image: Image, dataFile: String, pageSize: Int) throws {
        try Self.write([image, image], dataFile: dataFile, pageSize: pageSize)
    }

    /// Writes `images[n]` into slot `n` (leaving a slot whose image is nil as it is) and flushes.
    public static func write(_ images: [Image?], dataFile: String, pageSize: Int) throws {
        let fd = try Self.open(dataFile, flags: O_RDWR)
        defer { close(fd) }
        for (slot, image) in images.enumerated() {
            guard let image else { continue }
            let offset = off_t(slot * pageSize + Image.offset)
            let written = image.bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, Image.length, offset) }
            guard written == Image.length else {
                throw LMDBError(code: .init(rawValue: written < 0 ? errno : EIO), operation: "pwrite meta page")
            }
        }
        guard fdatasync(fd) == 0 else { throw LMDBError(code: .init(rawValue: errno), operation: "fdatasync") }
    }

    /// The current slot of a committed transaction.
    public static func slot(of transactionID: UInt64) -> Int { Int(transactionID & 1) }

    private static func isMeta(_ page: [UInt8]) -> Bool {
        let flags = UInt16(page[10]) | UInt16(page[11]) << 8
        let magic = UInt32(page[16]) | UInt32(page[17]) << 8 | UInt32(page[18]) << 16 | UInt32(page[19]) << 24
        return flags & Self.metaFlag != 0 && magic == Self.magic
    }

    private static func open(_ path: String, flags: Int32) throws -> Int32 {
        let fd = Glibc.open(path, flags | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw LMDBError(code: .init(rawValue: errno), operation: "open \(path)") }
        return fd
    }
}
