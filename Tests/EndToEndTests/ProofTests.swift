import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Merkle proofs checked offline against saved, signed tree heads")
struct ProofTests {
    /// A daemon with a fresh signing key; its public key as hex.
    static func signedDaemon(_ directory: TemporaryDirectory) throws -> (DaemonProcess, String) {
        let keyFile = directory.appending("signing.key")
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try key.write(toFile: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile, 0o600)
        let config = directory.appending("dossierd.toml")
        try "[audit]\nsigning_key_file = \"\(keyFile)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = DaemonProcess(directory: directory, extraArguments: ["--config", config])
        try daemon.start()
        let head = try JSONDecoder().decode(TreeHeadResult.self, from: Data(try daemon.cli(["--json", "audit", "tree-head"]).stdout.utf8))
        return (daemon, try #require(head.publicKey))
    }

    static func save(_ output: ProcessOutput, _ path: String) throws -> String {
        #expect(output.status == 0, "\(output.stderr)")
        try output.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func check(_ arguments: [String]) throws -> ProcessOutput {
        // No socket at all: the check runs offline.
        try ProcessRunner.run(BuiltProducts.dossier, ["audit", "check-proof"] + arguments, environment: ["DOSSIER_SOCKET": "/nonexistent"])
    }

    @Test func savedProofsCheckOfflineAndForgeriesFail() async throws {
        try await withTemporaryDirectory { directory in
            let (daemon, publicKey) = try Self.signedDaemon(directory)
            defer { daemon.stop() }
            for index in 0..<3 {
                #expect(try daemon.cli(["customer", "add", "c\(index)", "--name", "N\(index)", "--kind", "corporate"]).status == 0)
            }
            let oldHead = try Self.save(try daemon.cli(["--json", "audit", "tree-head"]), directory.appending("old-head.json"))
            for index in 3..<20 {
                #expect(try daemon.cli(["customer", "add", "c\(index)", "--name", "N\(index)", "--kind", "corporate"]).status == 0)
            }
            let head = try Self.save(try daemon.cli(["--json", "audit", "tree-head"]), directory.appending("head.json"))
            let inclusion = try Self.save(
                try daemon.cli(["--json", "audit", "prove-inclusion", "2"]), directory.appending("inclusion.json"))
            let consistency = try Self.save(
                try daemon.cli(["--json", "audit", "prove-consistency", "3"]), directory.appending("consistency.json"))

            let included = try Self.check([inclusion, "--head", head, "--public-key", publicKey])
            #expect(included.status == 0 && included.stdout.contains("valid: event 2"), "\(included.stdout)\(included.stderr)")
            let consistent = try Self.check([consistency, "--old-head", oldHead, "--head", head, "--public-key", publicKey])
            #expect(consistent.status == 0 && consistent.stdout.contains("extends the tree of 3 events"), "\(consistent.stderr)")

            // A node of the path changed.
            var forged = try JSONDecoder().decode(InclusionProofResult.self, from: Data(contentsOf: URL(fileURLWithPath: inclusion)))
            forged.path[0] = String(forged.path[0].reversed())
            let forgedPath = directory.appending("forged.json")
            try JSONEncoder().encode(forged).write(to: URL(fileURLWithPath: forgedPath))
            #expect(try Self.check([forgedPath, "--head", head]).status == 65)
            // The proof against a head of another size.
            #expect(try Self.check([inclusion, "--head", oldHead]).status == 65)
            // A head whose root was changed: its signature no longer holds.
            var tampered = try JSONDecoder().decode(TreeHeadResult.self, from: Data(contentsOf: URL(fileURLWithPath: head)))
            tampered.root = String(repeating: "0", count: 64)
            let tamperedPath = directory.appending("tampered.json")
            try JSONEncoder().encode(tampered).write(to: URL(fileURLWithPath: tamperedPath))
            let refused = try Self.check([consistency, "--old-head", oldHead, "--head", tamperedPath, "--public-key", publicKey])
            #expect(refused.status == 65 && refused.stderr.contains("signature"), "\(refused.stderr)")
            // Signed by another key.
            let other = String(repeating: "ab", count: 32)
            #expect(try Self.check([inclusion, "--head", head, "--public-key", other]).status == 65)
            #expect(try Self.check([directory.appending("missing.json"), "--head", head]).status == 66)
        }
    }

    /// Whoever holds the files but not the key: a daemon started on a copy publishes heads no
    /// saved public key accepts.
    @Test func aCopyOfTheFilesCannotSignHeads() async throws {
        try await withTemporaryDirectory { directory in
            let (daemon, publicKey) = try Self.signedDaemon(directory)
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "N", "--kind", "corporate"]).status == 0)
            let inclusion = try Self.save(try daemon.cli(["--json", "audit", "prove-inclusion", "1"]), directory.appending("p.json"))
            #expect(daemon.stop() == 0)

            let copy = DaemonProcess(directory: directory)
            try copy.start()
            defer { copy.stop() }
            let unsigned = try Self.save(try copy.cli(["--json", "audit", "tree-head"]), directory.appending("unsigned.json"))
            let refused = try Self.check([inclusion, "--head", unsigned, "--public-key", publicKey])
            #expect(refused.status == 65 && refused.stderr.contains("not signed"), "\(refused.stderr)")
            // Without a key to check, the proof itself still holds against the copy's head.
            #expect(try Self.check([inclusion, "--head", unsigned]).status == 0)
        }
    }

    @Test func aKeyFileOthersCanReadStopsTheDaemon() async throws {
        try await withTemporaryDirectory { directory in
            let keyFile = directory.appending("open.key")
            try String(repeating: "11", count: 32).write(toFile: keyFile, atomically: true, encoding: .utf8)
            chmod(keyFile, 0o644)
            let config = directory.appending("dossierd.toml")
            try "[audit]\nsigning_key_file = \"\(keyFile)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let output = try ProcessRunner.run(
                "/usr/bin/timeout",
                ["10", BuiltProducts.dossierd, "--config", config, "--data-dir", directory.appending("data"),
                 "--socket", directory.appending("s.sock")])
            #expect(output.status == 78, "\(output.stderr)")
            #expect(output.stderr.contains("audit.signing_key_file"))
        }
    }
}
