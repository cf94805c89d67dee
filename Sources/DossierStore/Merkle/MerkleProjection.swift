import DossierCore
import DossierMerkle
import LMDB

/// The RFC 6962 Merkle tree over the log's event hashes, kept like a projection: updated in the
/// writer's transaction with every event, rebuilt from the log when its layout changes, and
/// compared byte for byte by `audit.replay`.
///
/// Table `merkle`: the hash of every complete subtree of at least `storedLevel` levels
/// (16 leaves), under `level u8 || index u64 BE`; and, under the key `frontier`, the pending
/// left siblings of the levels below (at most four hashes). Smaller subtrees are computed from
/// the event hashes when a proof needs them, so the tree costs an eighth of a node write per
/// event rather than two.
public enum MerkleProjection: Projection {
    public static let name = "merkle"
    static let merkle = ProjectionTable("merkle")
    public static let tables = [Self.merkle]
    public static let version = 1

    /// Subtrees of 2^storedLevel leaves and more are stored.
    static let storedLevel = 4
    static let frontierKey = Array("frontier".utf8)

    static func nodeKey(level: Int, index: UInt64) -> [UInt8] { [UInt8(level)] + index.bigEndianBytes }

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        // Leaf index from 0: the event at sequence s is leaf s - 1.
        var index = event.sequence - 1
        var hash = MerkleHash.leaf(event.hash)
        var frontier = try Frontier(read(Self.merkle, Self.frontierKey))
        var level = 0
        while true {
            if level >= Self.storedLevel {
                try write(Self.merkle, Self.nodeKey(level: level, index: index), hash)
            }
            guard index & 1 == 1 else {
                // A left child: it waits for its right sibling.
                if level < Self.storedLevel { frontier.pending[level] = hash }
                break
            }
            let left: [UInt8]
            if level < Self.storedLevel {
                guard let pending = frontier.pending[level] else {
                    throw StoreError.corrupted("the Merkle tree misses a left sibling at level \(level)")
                }
                left = pending
                frontier.pending[level] = nil
            } else {
                guard let stored = try read(Self.merkle, Self.nodeKey(level: level, index: index - 1)) else {
                    throw StoreError.corrupted("the Merkle tree misses node \(index - 1) at level \(level)")
                }
                left = stored
            }
            hash = MerkleHash.node(left, hash)
            index >>= 1
            level += 1
        }
        try write(Self.merkle, Self.frontierKey, frontier.encoded)
    }

    /// The pending left siblings of the levels below `storedLevel`.
    struct Frontier {
        var pending: [[UInt8]?] = Array(repeating: nil, count: MerkleProjection.storedLevel)

        init(_ bytes: [UInt8]?) throws {
            guard let bytes, !bytes.isEmpty else { return }
            let mask = bytes[0]
            var offset = 1
            for level in 0..<MerkleProjection.storedLevel where mask & (1 << level) != 0 {
                guard offset + MerkleHash.length <= bytes.count else {
                    throw StoreError.corrupted("the Merkle frontier is truncated")
                }
                self.pending[level] = Array(bytes[offset..<offset + MerkleHash.length])
                offset += MerkleHash.length
            }
        }

        /// A mask of the levels present, then their hashes in level order.
        var encoded: [UInt8] {
            var mask: UInt8 = 0
            var hashes: [UInt8] = []
            for (level, hash) in self.pending.enumerated() {
                guard let hash else { continue }
                mask |= 1 << level
                hashes += hash
            }
            return [mask] + hashes
        }
    }
}
