import Crypto
import DossierMerkle
import Testing

struct MerkleAccumulatorTests {
    /// Leaf by leaf, the accumulated root equals the RFC's recursive definition at every size,
    /// across several powers of two (where the subtrees merge).
    @Test func rootEqualsTheRecursiveDefinitionAtEverySize() {
        let eventHashes = (0..<70).map { Array(SHA256.hash(data: [UInt8(truncatingIfNeeded: $0), 7])) }
        var accumulator = MerkleAccumulator()
        #expect(accumulator.root == MerkleHash.empty)
        var leaves: [[UInt8]] = []
        for hash in eventHashes {
            accumulator.append(eventHash: hash)
            leaves.append(MerkleHash.leaf(hash))
            #expect(accumulator.size == UInt64(leaves.count))
            #expect(accumulator.root == MerkleHash.root(leaves[...]), "size \(leaves.count)")
        }
    }
}
