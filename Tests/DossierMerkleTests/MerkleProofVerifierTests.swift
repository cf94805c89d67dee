import DossierMerkle
import Foundation
import Testing

/// The reference computations of RFC 6962 2.1.1 and 2.1.2 over a list of leaf hashes, written
/// straight from the RFC's recursive definitions, to produce proofs the verifier must accept.
enum Reference {
    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        if leaves.count <= 1 { return [] }
        let k = Int(MerkleHash.split(UInt64(leaves.count)))
        let left = leaves.prefix(k)
        let right = leaves.dropFirst(k)
        return m < k ? Self.path(m, left) + [MerkleHash.root(right)] : Self.path(m - k, right) + [MerkleHash.root(left)]
    }

    static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, _ complete: Bool) -> [[UInt8]] {
        if m == leaves.count { return complete ? [] : [MerkleHash.root(leaves)] }
        let k = Int(MerkleHash.split(UInt64(leaves.count)))
        let left = leaves.prefix(k)
        let right = leaves.dropFirst(k)
        return m <= k
            ? Self.subproof(m, left, complete) + [MerkleHash.root(right)]
            : Self.subproof(m - k, right, false) + [MerkleHash.root(left)]
    }
}

@Suite("RFC 6962 hashes and a strict proof verifier")
struct MerkleProofVerifierTests {
    /// The leaves of the Certificate Transparency test data and the roots of their first n.
    static let vectorLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
        .map { MerkleHash.leaf(Hex.decode($0)!) }
    static let vectorRoots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    /// Leaves of a larger tree, one per index.
    static func leaves(_ count: Int) -> [[UInt8]] { (0..<count).map { MerkleHash.leaf(Array("event \($0)".utf8)) } }

    @Test func theRootsOfTheTransparencyTestData() {
        #expect(Hex.encode(MerkleHash.empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        for (size, root) in Self.vectorRoots.enumerated() {
            #expect(Hex.encode(MerkleHash.root(Self.vectorLeaves.prefix(size + 1))) == root, "size \(size + 1)")
        }
    }

    @Test func everyInclusionProofOfSmallTreesVerifies() throws {
        let leaves = Self.leaves(40)
        for size in 1...leaves.count {
            let root = MerkleHash.root(leaves.prefix(size))
            for index in 0..<size {
                try MerkleProofVerifier.verifyInclusion(
                    leafIndex: UInt64(index), treeSize: UInt64(size), leafHash: leaves[index],
                    path: Reference.path(index, leaves.prefix(size)), root: root)
            }
        }
    }

    @Test func everyConsistencyProofOfSmallTreesVerifies() throws {
        let leaves = Self.leaves(40)
        for second in 1...leaves.count {
            for first in 1...second {
                try MerkleProofVerifier.verifyConsistency(
                    firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: MerkleHash.root(leaves.prefix(first)),
                    secondRoot: MerkleHash.root(leaves.prefix(second)),
                    path: first == second ? [] : Reference.subproof(first, leaves.prefix(second), true))
            }
        }
        // Every tree extends the empty one.
        try MerkleProofVerifier.verifyConsistency(
            firstSize: 0, secondSize: 5, firstRoot: MerkleHash.empty, secondRoot: MerkleHash.root(leaves.prefix(5)), path: [])
    }

    /// A proof changed in any way: a node flipped, dropped, added or moved, another size, index,
    /// leaf or root.
    static func forgeries(of path: [[UInt8]]) -> [(String, [[UInt8]])] {
        var forged: [(String, [[UInt8]])] = []
        for index in path.indices {
            var flipped = path
            flipped[index][0] ^= 0x01
            forged.append(("node \(index) flipped", flipped))
            var dropped = path
            dropped.remove(at: index)
            forged.append(("node \(index) dropped", dropped))
        }
        forged.append(("a node added", path + [MerkleHash.empty]))
        forged.append(("a node added first", [MerkleHash.empty] + path))
        if path.count >= 2 {
            for index in 0..<(path.count - 1) where path[index] != path[index + 1] {
                var swapped = path
                swapped.swapAt(index, index + 1)
                forged.append(("nodes \(index) and \(index + 1) swapped", swapped))
            }
            forged.append(("reversed", path.reversed()))
        }
        forged.append(("truncated hash", path.isEmpty ? [[0x01]] : [Array(path[0].prefix(31))] + path.dropFirst()))
        return forged
    }

    @Test(arguments: [(0, 1), (3, 8), (5, 7), (6, 7), (12, 13), (0, 21), (20, 21), (17, 40)])
    func everyForgedInclusionProofIsRefused(index: Int, size: Int) throws {
        let leaves = Self.leaves(size)
        let root = MerkleHash.root(leaves[...])
        let path = Reference.path(index, leaves[...])
        try MerkleProofVerifier.verifyInclusion(
            leafIndex: UInt64(index), treeSize: UInt64(size), leafHash: leaves[index], path: path, root: root)
        for (what, forged) in Self.forgeries(of: path) {
            #expect(throws: MerkleProofVerifier.Failure.self, "\(what)") {
                try MerkleProofVerifier.verifyInclusion(
                    leafIndex: UInt64(index), treeSize: UInt64(size), leafHash: leaves[index], path: forged, root: root)
            }
        }
        // Against the trusted head (size, root): another index, another leaf, an index past the
        // size, and the proofs of the same leaf in the trees one smaller and one larger.
        var wrong: [(String, UInt64, [UInt8], [[UInt8]])] = [
            ("another leaf", UInt64(index), MerkleHash.leaf([0x42]), path),
            ("an index past the size", UInt64(size), leaves[index], path),
        ]
        if size > 1 { wrong.append(("another index", UInt64((index + 1) % size), leaves[index], path)) }
        let larger = Self.leaves(size + 1)
        wrong.append(("the proof of a larger tree", UInt64(index), leaves[index], Reference.path(index, larger[...])))
        if index < size - 1 {
            wrong.append(("the proof of a smaller tree", UInt64(index), leaves[index], Reference.path(index, leaves.prefix(size - 1))))
        }
        for (what, leafIndex, leaf, proof) in wrong {
            #expect(throws: MerkleProofVerifier.Failure.self, "\(what)") {
                try MerkleProofVerifier.verifyInclusion(
                    leafIndex: leafIndex, treeSize: UInt64(size), leafHash: leaf, path: proof, root: root)
            }
        }
        #expect(throws: MerkleProofVerifier.Failure.self, "another root") {
            try MerkleProofVerifier.verifyInclusion(
                leafIndex: UInt64(index), treeSize: UInt64(size), leafHash: leaves[index], path: path, root: MerkleHash.empty)
        }
    }

    @Test(arguments: [(1, 2), (3, 8), (4, 8), (5, 7), (6, 7), (8, 13), (1, 21), (16, 40), (39, 40)])
    func everyForgedConsistencyProofIsRefused(first: Int, second: Int) throws {
        let leaves = Self.leaves(second)
        let firstRoot = MerkleHash.root(leaves.prefix(first))
        let secondRoot = MerkleHash.root(leaves[...])
        let path = Reference.subproof(first, leaves[...], true)
        try MerkleProofVerifier.verifyConsistency(
            firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: secondRoot, path: path)
        for (what, forged) in Self.forgeries(of: path) {
            #expect(throws: MerkleProofVerifier.Failure.self, "\(what)") {
                try MerkleProofVerifier.verifyConsistency(
                    firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: secondRoot,
                    path: forged)
            }
        }
        // The proofs between other sizes of the same log, against these two trusted heads.
        let more = Self.leaves(second + 1)
        let others = [(first + 1, second), (first - 1, second), (first, second + 1), (first, second - 1)]
        for (otherFirst, otherSecond) in others where otherFirst > 0 && otherFirst < otherSecond && otherSecond <= second + 1 {
            let proof = Reference.subproof(otherFirst, more.prefix(otherSecond), true)
            #expect(throws: MerkleProofVerifier.Failure.self, "the proof of sizes \(otherFirst), \(otherSecond)") {
                try MerkleProofVerifier.verifyConsistency(
                    firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: secondRoot,
                    path: proof)
            }
        }
        #expect(throws: MerkleProofVerifier.Failure.self, "a first size past the second") {
            try MerkleProofVerifier.verifyConsistency(
                firstSize: UInt64(second + 1), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: secondRoot,
                path: path)
        }
        #expect(throws: MerkleProofVerifier.Failure.self, "another first root") {
            try MerkleProofVerifier.verifyConsistency(
                firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: MerkleHash.empty, secondRoot: secondRoot,
                path: path)
        }
        #expect(throws: MerkleProofVerifier.Failure.self, "another second root") {
            try MerkleProofVerifier.verifyConsistency(
                firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: MerkleHash.empty,
                path: path)
        }
        #expect(throws: MerkleProofVerifier.Failure.self, "an empty proof") {
            try MerkleProofVerifier.verifyConsistency(
                firstSize: UInt64(first), secondSize: UInt64(second), firstRoot: firstRoot, secondRoot: secondRoot, path: [])
        }
    }

    @Test func aSignedHeadVerifiesOnlyWithItsKeyAndItsValues() throws {
        let key = Curve25519Key.make()
        let root = MerkleHash.root(Self.leaves(5)[...])
        let signature = try SignedTreeHead.sign(size: 5, root: root, timestamp: 1000, key: key.privateKey)
        #expect(SignedTreeHead.isValid(signature: signature, size: 5, root: root, timestamp: 1000, publicKey: key.publicKey))
        #expect(!SignedTreeHead.isValid(signature: signature, size: 6, root: root, timestamp: 1000, publicKey: key.publicKey))
        #expect(!SignedTreeHead.isValid(signature: signature, size: 5, root: MerkleHash.empty, timestamp: 1000, publicKey: key.publicKey))
        #expect(!SignedTreeHead.isValid(signature: signature, size: 5, root: root, timestamp: 1001, publicKey: key.publicKey))
        #expect(!SignedTreeHead.isValid(signature: signature, size: 5, root: root, timestamp: 1000, publicKey: Curve25519Key.make().publicKey))
    }
}
