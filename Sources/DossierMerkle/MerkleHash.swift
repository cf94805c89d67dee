import Crypto

/// The hashes of an RFC 6962 Merkle tree (as Certificate Transparency builds it) over the log's
/// event hashes: a leaf is `SHA-256(0x00 || event hash)`, a node `SHA-256(0x01 || left || right)`.
/// The prefixes keep a leaf from passing for a node and the other way round.
public enum MerkleHash {
    /// The size of every hash, in bytes.
    public static let length = 32

    /// The root of the empty tree: the hash of nothing (RFC 6962 2.1).
    public static let empty: [UInt8] = Array(SHA256.hash(data: [UInt8]()))

    /// The leaf hash of the event whose chain hash is `eventHash`.
    public static func leaf(_ eventHash: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(eventHash))
        return Array(hasher.finalize())
    }

    /// The hash of a node over its two children.
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The largest power of two smaller than `n` (n > 1): where RFC 6962 splits a tree of n leaves.
    public static func split(_ n: UInt64) -> UInt64 {
        precondition(n > 1, "only a tree of two or more leaves splits")
        return UInt64(1) << (63 - (n - 1).leadingZeroBitCount)
    }

    /// The root of the tree over `leaves` (leaf hashes), computed directly: for tests and for
    /// the verifier's own checks, not for large logs.
    public static func root(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return Self.empty
        case 1: return leaves.first!
        default:
            let k = Int(Self.split(UInt64(leaves.count)))
            return Self.node(Self.root(leaves.prefix(k)), Self.root(leaves.dropFirst(k)))
        }
    }
}
