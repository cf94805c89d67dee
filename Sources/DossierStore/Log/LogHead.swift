/// The end of the log: the last sequence and the hash that commits to everything up to it.
public struct LogHead: Hashable, Sendable {
    public var sequence: UInt64
    public var hash: [UInt8]

    public static let empty = LogHead(sequence: 0, hash: HashChain.genesis)

    public init(sequence: UInt64, hash: [UInt8]) {
        self.sequence = sequence
        self.hash = hash
    }

    public var hashHex: String { HashChain.hex(self.hash) }

    /// A head as people write it down: `SEQUENCE:HASH`, the hash in 64 hex digits.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = UInt64(parts[0]), parts[1].utf8.count == 64 else { return nil }
        var hash: [UInt8] = []
        var digits = parts[1].utf8.makeIterator()
        while let high = digits.next(), let low = digits.next() {
            guard let byte = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            hash.append(byte)
        }
        self.init(sequence: sequence, hash: hash)
    }

    /// `SEQUENCE:HASH`, as `init(text:)` reads it.
    public var text: String { "\(self.sequence):\(self.hashHex)" }

    var encoded: [UInt8] { self.sequence.bigEndianBytes + self.hash }

    init?(encoded bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 40, let sequence = UInt64(bigEndianBytes: UnsafeRawBufferPointer(rebasing: bytes[0..<8]))
        else { return nil }
        self.sequence = sequence
        self.hash = Array(bytes[8..<40])
    }
}
