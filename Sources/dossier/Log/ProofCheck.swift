import DossierCore
import DossierMerkle
import DossierProtocol
import Foundation

/// Checks a saved proof against saved tree heads: decodes the files strictly, recomputes the
/// leaf from the event hash (never trusting a leaf the proof might carry), checks signatures
/// when a public key is given, and runs the RFC 9162 verifier.
struct ProofCheck {
    let proof: Data
    let head: Data
    let oldHead: Data?
    let publicKey: String?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Unreadable: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(self.path)" }
    }

    /// What holds, in one sentence; throws `Failure` otherwise.
    func run() throws -> String {
        let head = try Self.treeHead(self.head, name: "the head")
        if let inclusion = try? JSONDecoder().decode(InclusionProofResult.self, from: self.proof) {
            guard self.oldHead == nil else { throw Failure(description: "an inclusion proof takes --head only") }
            try self.checkSignature(head, name: "the head")
            guard inclusion.treeSize == head.size else {
                throw Failure(description: "the proof is for a tree of \(inclusion.treeSize) events, the head for \(head.size)")
            }
            do {
                try MerkleProofVerifier.verifyInclusion(
                    leafIndex: inclusion.sequence - 1, treeSize: inclusion.treeSize,
                    leafHash: MerkleHash.leaf(try Self.bytes(inclusion.eventHash, name: "eventHash")),
                    path: try inclusion.path.map { try Self.bytes($0, name: "path") },
                    root: try Self.bytes(head.root, name: "the head's root"))
            } catch let failure as MerkleProofVerifier.Failure {
                throw Failure(description: failure.reason)
            }
            return "valid: event \(inclusion.sequence) (hash \(inclusion.eventHash)) is in the tree of \(head.size) events with root \(head.root)"
        }
        if let consistency = try? JSONDecoder().decode(ConsistencyProofResult.self, from: self.proof) {
            guard let oldHeadData = self.oldHead else { throw Failure(description: "a consistency proof needs --old-head") }
            let oldHead = try Self.treeHead(oldHeadData, name: "the old head")
            try self.checkSignature(oldHead, name: "the old head")
            try self.checkSignature(head, name: "the head")
            guard consistency.oldSize == oldHead.size, consistency.size == head.size else {
                throw Failure(
                    description: "the proof is from \(consistency.oldSize) to \(consistency.size) events, "
                        + "the heads are of \(oldHead.size) and \(head.size)")
            }
            do {
                try MerkleProofVerifier.verifyConsistency(
                    firstSize: oldHead.size, secondSize: head.size, firstRoot: try Self.bytes(oldHead.root, name: "the old root"),
                    secondRoot: try Self.bytes(head.root, name: "the root"),
                    path: try consistency.path.map { try Self.bytes($0, name: "path") })
            } catch let failure as MerkleProofVerifier.Failure {
                throw Failure(description: failure.reason)
            }
            return "valid: the tree of \(head.size) events extends the tree of \(oldHead.size) events (nothing before it changed)"
        }
        throw Failure(description: "the proof file holds neither an inclusion nor a consistency proof")
    }

    private static func treeHead(_ data: Data, name: String) throws -> TreeHeadResult {
        guard let head = try? JSONDecoder().decode(TreeHeadResult.self, from: data) else {
            throw Failure(description: "\(name) is not a tree head as `dossier --json audit tree-head` prints it")
        }
        return head
    }

    private func checkSignature(_ head: TreeHeadResult, name: String) throws {
        guard let publicKey = self.publicKey else { return }
        guard let signature = head.signature, let timestamp = head.timestamp else {
            throw Failure(description: "\(name) is not signed")
        }
        guard
            SignedTreeHead.isValid(
                signature: try Self.bytes(signature, name: "the signature"), size: head.size,
                root: try Self.bytes(head.root, name: "the root"), timestamp: timestamp,
                publicKey: try Self.bytes(publicKey, name: "--public-key"))
        else {
            throw Failure(description: "\(name)'s signature is not by that key, or the head was changed")
        }
    }

    private static func bytes(_ hex: String, name: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(hex) else { throw Failure(description: "\(name) is not hex") }
        return bytes
    }
}
