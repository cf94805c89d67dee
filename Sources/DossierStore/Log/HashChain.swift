import Crypto

/// The tamper-evident chain over the log: each event's hash covers its predecessor's hash and
/// its own stored record, so changing, removing or reordering any event changes every later
/// hash and the head (as in Certificate Transparency).
public enum HashChain {
    /// The "previous hash" of the first event.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// `SHA256(previous || record)`.
    static func link(previous: [UInt8], record: [UInt8]) -> [UInt8] {
        var hash = previous
        record.withUnsafeBytes { Self.advance(&hash, over: $0) }
        return hash
    }

    /// Replaces `hash` (32 bytes, the predecessor's hash) with the hash of `record` after it,
    /// in place: a verification of millions of events allocates nothing per event.
    static func advance(_ hash: inout [UInt8], over record: UnsafeRawBufferPointer) {
        var hasher = SHA256()
        hash.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: record)
        let digest = hasher.finalize()
        hash.withUnsafeMutableBytes { target in digest.withUnsafeBytes { target.copyMemory(from: $0) } }
    }

    /// Lowercase hex, as shown to people and on the wire.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
