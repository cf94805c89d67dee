import Foundation

/// Appends fixed-width big-endian integers and length-prefixed fields to a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 256) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    mutating func write<I: FixedWidthInteger>(_ value: I) {
        withUnsafeBytes(of: value.bigEndian) { self.bytes.append(contentsOf: $0) }
    }

    mutating func write(_ uuid: UUID) {
        withUnsafeBytes(of: uuid.uuid) { self.bytes.append(contentsOf: $0) }
    }

    mutating func write(optional uuid: UUID?) {
        if let uuid {
            self.write(UInt8(1))
            self.write(uuid)
        } else {
            self.write(UInt8(0))
        }
    }

    /// A string as a 16-bit length and its UTF-8 bytes.
    mutating func write(shortString text: String) {
        let utf8 = Array(text.utf8)
        precondition(utf8.count <= Int(UInt16.max), "short string longer than 65535 bytes")
        self.write(UInt16(utf8.count))
        self.bytes.append(contentsOf: utf8)
    }

    /// Bytes as they are, without a length: for fields of a fixed size.
    mutating func write(raw: [UInt8]) {
        self.bytes.append(contentsOf: raw)
    }

    /// A blob as a 32-bit length and its bytes.
    mutating func write(blob: [UInt8]) {
        self.write(UInt32(blob.count))
        self.bytes.append(contentsOf: blob)
    }
}

/// Reads what `ByteWriter` wrote, failing (never trapping) on short or malformed input.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { self.bytes.count - self.offset }

    mutating func read<I: FixedWidthInteger>(_: I.Type = I.self) throws(ByteReaderError) -> I {
        let size = MemoryLayout<I>.size
        guard self.remaining >= size else { throw .truncated }
        var value = I.zero
        withUnsafeMutableBytes(of: &value) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: self.bytes[self.offset..<self.offset + size]))
        }
        self.offset += size
        return I(bigEndian: value)
    }

    mutating func readUUID() throws(ByteReaderError) -> UUID {
        guard self.remaining >= 16 else { throw .truncated }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: self.bytes[self.offset..<self.offset + 16]))
        }
        self.offset += 16
        return UUID(uuid: raw)
    }

    mutating func readOptionalUUID() throws(ByteReaderError) -> UUID? {
        switch try self.read(UInt8.self) {
        case 0: return nil
        case 1: return try self.readUUID()
        default: throw .malformed
        }
    }

    mutating func readShortString() throws(ByteReaderError) -> String {
        let count = Int(try self.read(UInt16.self))
        return try self.readString(count: count)
    }

    mutating func readRaw(count: Int) throws(ByteReaderError) -> [UInt8] {
        guard self.remaining >= count else { throw .truncated }
        defer { self.offset += count }
        return Array(self.bytes[self.offset..<self.offset + count])
    }

    mutating func readBlob() throws(ByteReaderError) -> [UInt8] {
        try self.readRaw(count: Int(try self.read(UInt32.self)))
    }

    private mutating func readString(count: Int) throws(ByteReaderError) -> String {
        guard self.remaining >= count else { throw .truncated }
        let slice = UnsafeRawBufferPointer(rebasing: self.bytes[self.offset..<self.offset + count])
        guard let text = String(validating: slice, as: UTF8.self) else { throw .malformed }
        self.offset += count
        return text
    }
}

enum ByteReaderError: Error {
    case truncated
    case malformed
}

extension UInt64 {
    /// Big-endian bytes: keys that sort numerically in LMDB's byte order.
    var bigEndianBytes: [UInt8] { withUnsafeBytes(of: self.bigEndian) { Array($0) } }

    init?(bigEndianBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 8 else { return nil }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: bytes) }
        self = UInt64(bigEndian: value)
    }
}

extension UUID {
    var bytes: [UInt8] { withUnsafeBytes(of: self.uuid) { Array($0) } }
}
