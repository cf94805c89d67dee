/// Checks RFC 6962 proofs against roots an auditor wrote down, with no daemon and no log: the
/// algorithms of RFC 9162 2.1.3.2 (inclusion) and 2.1.4.2 (consistency). Strict: a proof with
/// a node too many or too few, for another size, or in another order is refused.
public enum MerkleProofVerifier {
    /// Why a proof does not hold.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { self.reason }
        init(_ reason: String) { self.reason = reason }
    }

    /// Checks that the leaf `leafHash` is at `leafIndex` (from 0) of the tree of `treeSize`
    /// leaves whose root is `root`.
    public static func verifyInclusion(
        leafIndex: UInt64, treeSize: UInt64, leafHash: [UInt8], path: [[UInt8]], root: [UInt8]
    ) throws(Failure) {
        guard leafIndex < treeSize else { throw Failure("leaf \(leafIndex) is not in a tree of \(treeSize) leaves") }
        try Self.checkLengths([leafHash, root] + path)
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in path {
            guard sn != 0 else { throw Failure("the proof has more nodes than a tree of \(treeSize) leaves needs") }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw Failure("the proof has fewer nodes than a tree of \(treeSize) leaves needs") }
        guard r == root else { throw Failure("the proof does not lead to the root") }
    }

    /// Checks that the tree of `secondSize` leaves with root `secondRoot` extends the tree of
    /// `firstSize` leaves with root `firstRoot`: every leaf of the first is in the second, in
    /// the same place, and nothing before it changed.
    public static func verifyConsistency(
        firstSize: UInt64, secondSize: UInt64, firstRoot: [UInt8], secondRoot: [UInt8], path: [[UInt8]]
    ) throws(Failure) {
        try Self.checkLengths([firstRoot, secondRoot] + path)
        guard firstSize <= secondSize else {
            throw Failure("a tree of \(secondSize) leaves cannot extend one of \(firstSize)")
        }
        if firstSize == secondSize {
            guard path.isEmpty else { throw Failure("a tree is consistent with itself with an empty proof") }
            guard firstRoot == secondRoot else { throw Failure("two trees of one size have different roots") }
            return
        }
        if firstSize == 0 {
            // Every tree extends the empty one, whose root is fixed.
            guard path.isEmpty else { throw Failure("the empty tree needs an empty proof") }
            guard firstRoot == MerkleHash.empty else { throw Failure("the root of the empty tree is wrong") }
            return
        }
        guard !path.isEmpty else { throw Failure("the proof is empty") }
        var nodes = path
        if firstSize & (firstSize - 1) == 0 { nodes.insert(firstRoot, at: 0) }
        var fn = firstSize - 1
        var sn = secondSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = nodes[0]
        var sr = nodes[0]
        for c in nodes.dropFirst() {
            guard sn != 0 else { throw Failure("the proof has more nodes than these sizes need") }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw Failure("the proof has fewer nodes than these sizes need") }
        guard fr == firstRoot else { throw Failure("the proof does not lead to the first root") }
        guard sr == secondRoot else { throw Failure("the proof does not lead to the second root") }
    }

    private static func checkLengths(_ hashes: [[UInt8]]) throws(Failure) {
        guard hashes.allSatisfy({ $0.count == MerkleHash.length }) else {
            throw Failure("every hash must be \(MerkleHash.length) bytes")
        }
    }
}
