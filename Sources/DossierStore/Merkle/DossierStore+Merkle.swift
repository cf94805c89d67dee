import DossierCore
import DossierMerkle
import LMDB

/// A root of the log's Merkle tree: the tree of the first `size` events.
public struct TreeHead: Hashable, Sendable {
    public var size: UInt64
    public var root: [UInt8]
}

/// An inclusion proof: the audit path of the event at `sequence` in the tree of `treeSize`.
public struct InclusionProof: Hashable, Sendable {
    public var sequence: UInt64
    public var treeSize: UInt64
    /// The event's chain hash; the leaf hashes it with a 0x00 prefix.
    public var eventHash: [UInt8]
    public var path: [[UInt8]]
}

/// A consistency proof: the tree of `size` extends the tree of `oldSize`.
public struct ConsistencyProof: Hashable, Sendable {
    public var oldSize: UInt64
    public var size: UInt64
    public var path: [[UInt8]]
}

extension DossierStore {
    /// Runs `body` with the log's Merkle tree, in one read transaction, after checking that
    /// `sizes` fit the log (a size of nil is the whole log).
    private func withMerkleTree<R>(_ body: (borrowing MerkleTree<ReadTransaction>, _ head: UInt64) throws -> R) throws -> R {
        try self.read { txn in
            let head = try self.reader.head(in: txn).sequence
            return try withUnsafePointer(to: txn) { pointer in
                try body(MerkleTree(databases: self.databases, reader: self.reader, txn: pointer), head)
            }
        }
    }

    private static func checkSize(_ size: UInt64, head: UInt64, field: String) throws(DomainError) {
        guard size <= head else {
            throw .invalidField(field: field, reason: "must not exceed the log's size (\(head) events)")
        }
    }

    /// The root of the tree of the first `size` events (all of them when nil).
    public func treeHead(size: UInt64? = nil) throws -> TreeHead {
        try self.withMerkleTree { tree, head in
            let size = size ?? head
            try Self.checkSize(size, head: head, field: "size")
            return TreeHead(size: size, root: try tree.hash(from: 0, to: size))
        }
    }

    /// The proof that the event at `sequence` is in the tree of `size` events (all when nil).
    public func inclusionProof(sequence: UInt64, size: UInt64? = nil) throws -> InclusionProof {
        try self.withMerkleTree { tree, head in
            let size = size ?? head
            try Self.checkSize(size, head: head, field: "size")
            guard sequence >= 1, sequence <= size else {
                throw DomainError.invalidField(field: "sequence", reason: "must be from 1 to the tree's size (\(size))")
            }
            guard let eventHash = try self.reader.hash(at: sequence, in: tree.txn.pointee) else {
                throw StoreError.corrupted("event \(sequence) is missing from the log")
            }
            return InclusionProof(
                sequence: sequence, treeSize: size, eventHash: eventHash,
                path: try tree.inclusionPath(sequence - 1, from: 0, to: size))
        }
    }

    /// The proof that the tree of `size` events (all when nil) extends the tree of `oldSize`.
    public func consistencyProof(oldSize: UInt64, size: UInt64? = nil) throws -> ConsistencyProof {
        try self.withMerkleTree { tree, head in
            let size = size ?? head
            try Self.checkSize(size, head: head, field: "size")
            guard oldSize <= size else {
                throw DomainError.invalidField(field: "oldSize", reason: "must not exceed size (\(size))")
            }
            let path = oldSize == 0 ? [] : try tree.consistencyPath(oldSize, from: 0, to: size, complete: true)
            return ConsistencyProof(oldSize: oldSize, size: size, path: path)
        }
    }
}
