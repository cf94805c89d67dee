import DossierCore
import Foundation

// Parameters and results of the Merkle tree methods. Hashes, keys and signatures are lowercase hex.

public struct TreeHeadParams: Codable, Hashable, Sendable {
    public var size: UInt64?
    public init(size: UInt64? = nil) { self.size = size }
}

/// A root of the log's Merkle tree, to write down (`dossier --json audit tree-head > head.json`)
/// and check proofs against later, offline.
public struct TreeHeadResult: Codable, Hashable, Sendable {
    /// Events in the tree.
    public var size: UInt64
    public var root: String
    /// When the daemon signed it (milliseconds since 1970); with `signature` and `publicKey`,
    /// only when the daemon has a signing key (`audit.signing_key_file`).
    public var timestamp: Int64?
    /// Ed25519 over `dossier-tree-head/1\nSIZE\nROOT\nTIMESTAMP\n`.
    public var signature: String?
    /// The key that signed it, for reference: check against a key obtained separately.
    public var publicKey: String?

    public init(size: UInt64, root: String, timestamp: Int64? = nil, signature: String? = nil, publicKey: String? = nil) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.signature = signature
        self.publicKey = publicKey
    }
}

public struct InclusionProofParams: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var size: UInt64?
    public init(sequence: UInt64, size: UInt64? = nil) {
        self.sequence = sequence
        self.size = size
    }
}

public struct InclusionProofResult: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var treeSize: UInt64
    /// The event's chain hash (its `hash` in `log.read`): the leaf is SHA-256(0x00 || it).
    public var eventHash: String
    /// The audit path, from the leaf up.
    public var path: [String]

    public init(sequence: UInt64, treeSize: UInt64, eventHash: String, path: [String]) {
        self.sequence = sequence
        self.treeSize = treeSize
        self.eventHash = eventHash
        self.path = path
    }
}

public struct ConsistencyProofParams: Codable, Hashable, Sendable {
    public var oldSize: UInt64
    public var size: UInt64?
    public init(oldSize: UInt64, size: UInt64? = nil) {
        self.oldSize = oldSize
        self.size = size
    }
}

public struct ConsistencyProofResult: Codable, Hashable, Sendable {
    public var oldSize: UInt64
    public var size: UInt64
    public var path: [String]

    public init(oldSize: UInt64, size: UInt64, path: [String]) {
        self.oldSize = oldSize
        self.size = size
        self.path = path
    }
}
