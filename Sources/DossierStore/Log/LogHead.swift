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

    var encoded: [UInt8] { self.sequence.bigEndianBytes + self.hash }

    init?(encoded bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 40, let sequence = UInt64(bigEndianBytes: UnsafeRawBufferPointer(rebasing: bytes[0..<8]))
        else { return nil }
        self.sequence = sequence
        self.hash = Array(bytes[8..<40])
    }
}
