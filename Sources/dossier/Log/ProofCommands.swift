import ArgumentParser
import DossierClient
import DossierMerkle
import DossierProtocol
import Foundation

extension AuditCommand {
    struct TreeHead: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tree-head",
            abstract: "The root of the log's Merkle tree, signed when the daemon has a key (audit.tree-head).",
            discussion: "Keep it for later checks: dossier --json audit tree-head > head.json")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The tree of the first N events (default: all).") var size: UInt64?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(Method.treeHead, TreeHeadParams(size: self.size), as: TreeHeadResult.self)
            } render: { Rendering.treeHead($0) }
        }
    }

    struct ProveInclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prove-inclusion",
            abstract: "The proof that an event is in the log's Merkle tree (audit.prove-inclusion).",
            discussion: "Save it with --json and check it offline: dossier audit check-proof PROOF --head HEAD")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The event's sequence.") var sequence: UInt64
        @Option(help: "The tree of the first N events, as a saved head gives it (default: all).") var size: UInt64?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.proveInclusion, InclusionProofParams(sequence: self.sequence, size: self.size),
                    as: InclusionProofResult.self)
            } render: { Rendering.inclusionProof($0) }
        }
    }

    struct ProveConsistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prove-consistency",
            abstract: "The proof that the log extends its tree of an earlier size (audit.prove-consistency).",
            discussion: "Save it with --json and check it offline: dossier audit check-proof PROOF --old-head OLD --head NEW")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The earlier size, as the saved head gives it.") var oldSize: UInt64
        @Option(help: "The later size (default: all).") var size: UInt64?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.proveConsistency, ConsistencyProofParams(oldSize: self.oldSize, size: self.size),
                    as: ConsistencyProofResult.self)
            } render: { Rendering.consistencyProof($0) }
        }
    }

    /// Checks a saved proof against saved heads, with no daemon: what an auditor runs on their
    /// own machine with the files the bank handed over.
    struct CheckProof: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-proof",
            abstract: "Check a saved inclusion or consistency proof against saved tree heads, offline.",
            discussion: """
                An inclusion proof needs --head (the head of its tree size). A consistency proof needs --old-head \
                and --head. With --public-key, every head must carry a valid signature by that key. \
                Exit status: 0 valid, 65 invalid, 66 a file cannot be read.
                """)

        @Argument(help: "The proof, as `dossier --json audit prove-inclusion` or `prove-consistency` printed it.")
        var proof: String
        @Option(help: "The tree head the proof ends at (`dossier --json audit tree-head`).") var head: String
        @Option(name: .customLong("old-head"), help: "For a consistency proof: the earlier tree head.") var oldHead: String?
        @Option(name: .customLong("public-key"), help: "The daemon's Ed25519 public key (hex), obtained separately.")
        var publicKey: String?

        func run() throws {
            do {
                let outcome = try ProofCheck(
                    proof: try Self.read(self.proof), head: try Self.read(self.head), oldHead: try self.oldHead.map(Self.read),
                    publicKey: self.publicKey
                ).run()
                print(outcome)
            } catch let failure as ProofCheck.Failure {
                ClientRunner.printError("dossier: the proof does not hold: \(failure)")
                throw ExitCode(ExitStatus.refused)
            } catch let error as ProofCheck.Unreadable {
                ClientRunner.printError("dossier: \(error)")
                throw ExitCode(66)
            }
        }

        static func read(_ path: String) throws(ProofCheck.Unreadable) -> Data {
            guard let data = FileManager.default.contents(atPath: path) else { throw ProofCheck.Unreadable(path: path) }
            return data
        }
    }
}

extension Rendering {
    static func treeHead(_ head: TreeHeadResult) -> String {
        var pairs = [("size", String(head.size)), ("root", head.root)]
        if let signature = head.signature, let key = head.publicKey, let timestamp = head.timestamp {
            pairs += [("signed at", String(timestamp)), ("signature", signature), ("public key", key)]
        } else {
            pairs.append(("signature", "none (the daemon has no signing key)"))
        }
        return TextTable.details(pairs)
    }

    static func inclusionProof(_ proof: InclusionProofResult) -> String {
        TextTable.details(
            [("event", String(proof.sequence)), ("tree size", String(proof.treeSize)), ("event hash", proof.eventHash)]
                + proof.path.enumerated().map { ("path \($0.offset)", $0.element) })
    }

    static func consistencyProof(_ proof: ConsistencyProofResult) -> String {
        TextTable.details(
            [("old size", String(proof.oldSize)), ("size", String(proof.size))]
                + proof.path.enumerated().map { ("path \($0.offset)", $0.element) })
    }
}
