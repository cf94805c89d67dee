import DossierCore

/// Keys of the `streams` database: `stream id || 0x00 || version (u64 BE)`.
///
/// The zero byte ends the id, so `customer-4` sorts wholly before `customer-42`, and one
/// stream's keys sort by version.
enum StreamKey {
    static func key(_ stream: StreamID, version: UInt64) -> [UInt8] {
        var key = Array(stream.rawValue.utf8)
        key.append(0)
        key.append(contentsOf: version.bigEndianBytes)
        return key
    }

    /// The key after every version of `stream`, to scan backwards from.
    static func upperBound(_ stream: StreamID) -> [UInt8] { Self.key(stream, version: .max) }

    /// The version in `key` when `key` belongs to `stream`.
    static func version(in key: UnsafeRawBufferPointer, of stream: StreamID) -> UInt64? {
        let id = stream.rawValue.utf8
        guard key.count == id.count + 9, key[id.count] == 0, key.starts(with: id) else { return nil }
        return UInt64(bigEndianBytes: UnsafeRawBufferPointer(rebasing: key[(id.count + 1)...]))
    }

    /// Whether a stream id can be stored (non-empty, at most 255 bytes, no zero byte).
    static func isValid(_ stream: StreamID) -> Bool {
        let utf8 = stream.rawValue.utf8
        return !utf8.isEmpty && utf8.count <= 255 && !utf8.contains(0)
    }
}
