/// The RFC 6962 root of a tree whose leaves arrive one at a time, in O(log n) memory: for a
/// copy of the log elsewhere (a PostgreSQL replica) to be checked against the daemon's tree head
/// without holding every hash.
///
/// It keeps the roots of the complete subtrees the leaves so far make up, largest first (the
/// binary digits of the count); the tree's root joins them from the right, which is where
/// RFC 6962 splits a tree (at the largest power of two below its size).
public struct MerkleAccumulator: Sendable {
    /// (leaves in the subtree, its root), largest first.
    private var subtrees: [(count: UInt64, root: [UInt8])] = []
    /// Leaves added so far.
    public private(set) var size: UInt64 = 0

    public init() {}

    /// Adds the leaf over an event's chain hash.
    public mutating func append(eventHash: some Collection<UInt8>) {
        var subtree = (count: UInt64(1), root: MerkleHash.leaf(eventHash))
        while let last = self.subtrees.last, last.count == subtree.count {
            self.subtrees.removeLast()
            subtree = (last.count * 2, MerkleHash.node(last.root, subtree.root))
        }
        self.subtrees.append(subtree)
        self.size += 1
    }

    /// The root of the tree over every leaf added so far.
    public var root: [UInt8] {
        guard var root = self.subtrees.last?.root else { return MerkleHash.empty }
        for subtree in self.subtrees.dropLast().reversed() {
            root = MerkleHash.node(subtree.root, root)
        }
        return root
    }
}
