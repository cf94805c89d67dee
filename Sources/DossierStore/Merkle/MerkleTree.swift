import DossierCore
import DossierMerkle
import LMDB

/// Reads the Merkle tree of the log inside one read transaction: roots of any past size, and
/// inclusion and consistency proofs as RFC 6962 defines them (section 2.1.1, 2.1.2).
struct MerkleTree<Txn: Transaction & ~Copyable>: ~Copyable {
    let databases: StoreDatabases
    let reader: LogReader
    let txn: UnsafePointer<Txn>

    /// The hash of leaf `index` (from 0): over the chain hash of event `index + 1`.
    func leaf(_ index: UInt64) throws -> [UInt8] {
        guard let hash = try self.reader.hash(at: index + 1, in: self.txn.pointee) else {
            throw StoreError.corrupted("event \(index + 1) is missing from the log")
        }
        return MerkleHash.leaf(hash)
    }

    /// The hash of the complete subtree of 2^level leaves starting at leaf index * 2^level.
    func subtree(level: Int, index: UInt64) throws -> [UInt8] {
        if level >= MerkleProjection.storedLevel {
            let key = MerkleProjection.nodeKey(level: level, index: index)
            guard let stored = try self.txn.pointee.get(self.databases.projections[MerkleProjection.merkle], forKey: key) else {
                throw StoreError.corrupted("the Merkle tree misses node \(index) at level \(level)")
            }
            return stored
        }
        if level == 0 { return try self.leaf(index) }
        return MerkleHash.node(
            try self.subtree(level: level - 1, index: index * 2), try self.subtree(level: level - 1, index: index * 2 + 1))
    }

    /// MTH(D[start:end]) of RFC 6962: complete aligned parts come from `subtree`.
    func hash(from start: UInt64, to end: UInt64) throws -> [UInt8] {
        let count = end - start
        if count == 0 { return MerkleHash.empty }
        if count & (count - 1) == 0 && start % count == 0 {
            let level = count.trailingZeroBitCount
            return try self.subtree(level: level, index: start >> UInt64(level))
        }
        let k = MerkleHash.split(count)
        return MerkleHash.node(try self.hash(from: start, to: start + k), try self.hash(from: start + k, to: end))
    }

    /// PATH(m, D[start:end]): the audit path of leaf `m` (relative to `start`).
    func inclusionPath(_ m: UInt64, from start: UInt64, to end: UInt64) throws -> [[UInt8]] {
        let count = end - start
        if count <= 1 { return [] }
        let k = MerkleHash.split(count)
        if m < k {
            return try self.inclusionPath(m, from: start, to: start + k) + [self.hash(from: start + k, to: end)]
        }
        return try self.inclusionPath(m - k, from: start + k, to: end) + [self.hash(from: start, to: start + k)]
    }

    /// SUBPROOF(m, D[start:end], complete): the consistency proof of the first m leaves.
    func consistencyPath(_ m: UInt64, from start: UInt64, to end: UInt64, complete: Bool) throws -> [[UInt8]] {
        let count = end - start
        if m == count { return complete ? [] : [try self.hash(from: start, to: end)] }
        let k = MerkleHash.split(count)
        if m <= k {
            return try self.consistencyPath(m, from: start, to: start + k, complete: complete)
                + [self.hash(from: start + k, to: end)]
        }
        return try self.consistencyPath(m - k, from: start + k, to: end, complete: false)
            + [self.hash(from: start, to: start + k)]
    }
}
