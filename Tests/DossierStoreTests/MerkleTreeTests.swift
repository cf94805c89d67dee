import DossierCore
import DossierMerkle
import DossierStore
import DossierTesting
import Foundation
import Testing

@Suite("The log's Merkle tree: roots of every size, proofs that check, kept as a projection")
struct MerkleTreeTests {
    /// A log of `count` events in batches of assorted sizes, and their leaf hashes.
    static func log(_ store: DossierStore, count: Int) async throws -> [[UInt8]] {
        var written = 0
        var batch = 1
        while written < count {
            let size = min(batch, count - written)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in written..<(written + size) {
                    group.addTask { _ = try await TestStore.register(store, "c\(index)") }
                }
                try await group.waitForAll()
            }
            written += size
            batch = batch % 7 + 1
        }
        return try store.readAll(limit: count).map { MerkleHash.leaf($0.hash) }
    }

    @Test func rootsAndProofsAgreeWithTheDefinitionAtEverySize() async throws {
        try await TestStore.with { store, _ in
            #expect(try store.treeHead().root == MerkleHash.empty)
            let leaves = try await Self.log(store, count: 70)
            for size in 0...leaves.count {
                let head = try store.treeHead(size: UInt64(size))
                #expect(head.root == MerkleHash.root(leaves.prefix(size)), "size \(size)")
            }
            let whole = try store.treeHead()
            #expect(whole.size == 70)
            for sequence in [1, 2, 16, 17, 33, 64, 65, 70] {
                for size in [sequence, 64, 70] where size >= sequence {
                    let proof = try store.inclusionProof(sequence: UInt64(sequence), size: UInt64(size))
                    try MerkleProofVerifier.verifyInclusion(
                        leafIndex: UInt64(sequence - 1), treeSize: UInt64(size), leafHash: MerkleHash.leaf(proof.eventHash),
                        path: proof.path, root: try store.treeHead(size: UInt64(size)).root)
                }
            }
            for oldSize in [0, 1, 15, 16, 17, 32, 63, 64, 69, 70] {
                for size in [oldSize, 64, 70] where size >= oldSize {
                    let proof = try store.consistencyProof(oldSize: UInt64(oldSize), size: UInt64(size))
                    try MerkleProofVerifier.verifyConsistency(
                        firstSize: UInt64(oldSize), secondSize: UInt64(size),
                        firstRoot: try store.treeHead(size: UInt64(oldSize)).root,
                        secondRoot: try store.treeHead(size: UInt64(size)).root, path: proof.path)
                }
            }
            // The tree is a projection: a replay rebuilds it byte for byte.
            #expect(try store.replay().matches)
        }
    }

    @Test func sizesPastTheLogAreRefused() async throws {
        try await TestStore.with { store, _ in
            _ = try await Self.log(store, count: 3)
            #expect(throws: DomainError.self) { try store.treeHead(size: 4) }
            #expect(throws: DomainError.self) { try store.inclusionProof(sequence: 4) }
            #expect(throws: DomainError.self) { try store.inclusionProof(sequence: 0) }
            #expect(throws: DomainError.self) { try store.inclusionProof(sequence: 3, size: 2) }
            #expect(throws: DomainError.self) { try store.consistencyProof(oldSize: 3, size: 2) }
        }
    }

    @Test func theTreeSurvivesAReopenAndALogBuiltBeforeItIsTreedOnOpen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending("data")
            var store = try TestStore.open(at: path)
            let leaves = try await Self.log(store, count: 20)
            await store.shutdown()
            store = try TestStore.open(at: path)
            _ = try await TestStore.register(store, "later")
            let all = leaves + [MerkleHash.leaf(try #require(try store.readAll(from: 21, limit: 1).first).hash)]
            #expect(try store.treeHead().root == MerkleHash.root(all[...]))
            await store.shutdown()
        }
    }
}
