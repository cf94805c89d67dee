import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Offline verify and replay, and checking a head written down earlier")
struct OfflineAuditTests {
    static func offline(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(BuiltProducts.dossierd, arguments)
    }

    /// Every file of `directory` with its bytes.
    static func snapshot(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return files
    }

    @Test func aStoppedLogIsVerifiedAndReplayedWithoutWritingAByte() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            #expect(try daemon.cli(["customer", "flag", "c1", "--kind", "default", "--source", "bureau"]).status == 0)
            let earlier = try DossierJSON.decode(HeadResult.self, from: Array(try daemon.cli(["--json", "head"]).stdout.utf8))
            #expect(try daemon.cli(["customer", "add", "c2", "--name", "Other", "--kind", "individual"]).status == 0)

            // While the daemon serves the directory, the offline tools refuse it.
            let busy = try Self.offline(["verify", "--data-dir", daemon.dataDirectory])
            #expect(busy.status == 69, "\(busy.stderr)")
            // Online, against the head written down.
            let online = try daemon.cli(["audit", "verify", "--against", "\(earlier.sequence):\(earlier.hash)"])
            #expect(online.status == 0 && online.stdout.contains("extended"), "\(online.stdout)")
            #expect(daemon.stop() == 0)

            let before = try Self.snapshot(daemon.dataDirectory)
            let verified = try Self.offline(["verify", "--data-dir", daemon.dataDirectory, "--against", "\(earlier.sequence):\(earlier.hash)"])
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains("intact: 3 events"))
            #expect(verified.stdout.contains("extends 2:"))
            let json = try JSONDecoder().decode(
                VerifyResult.self,
                from: Data(try Self.offline(["verify", "--data-dir", daemon.dataDirectory, "--json"]).stdout.utf8))
            #expect(json.intact && json.events == 3 && json.extends == nil)

            let forged = String(repeating: "0", count: 64)
            let refused = try Self.offline(["verify", "--data-dir", daemon.dataDirectory, "--against", "2:\(forged)"])
            #expect(refused.status == 65 && refused.stdout.contains("DOES NOT EXTEND"), "\(refused.stdout)")
            let beyond = try Self.offline(["verify", "--data-dir", daemon.dataDirectory, "--against", "9:\(earlier.hash)"])
            #expect(beyond.status == 65)

            let replayed = try Self.offline(["replay", "--data-dir", daemon.dataDirectory])
            #expect(replayed.status == 0 && replayed.stdout.contains("projections equal a replay"), "\(replayed.stdout)")

            // Not a byte changed, no file added (no lock.mdb, nothing beside the log).
            #expect(try Self.snapshot(daemon.dataDirectory) == before)
            let missing = try Self.offline(["verify", "--data-dir", directory.appending("nothing-here")])
            #expect(missing.status == 66, "\(missing.stderr)")
        }
    }

    /// A byte flipped in the file itself, where LMDB keeps the event: both the offline and the
    /// online check name the event.
    @Test func aFlippedByteIsFoundOfflineAndOnlineWithItsSequence() async throws {
        try await withTemporaryDirectory { directory in
            let config = directory.appending("dossierd.toml")
            try "[store]\nverify_on_start = \"off\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let daemon = DaemonProcess(directory: directory, extraArguments: ["--config", config])
            try daemon.start()
            for (index, name) in ["Alpha Ltd", "Beta MARKER-7f3a Ltd", "Gamma Ltd"].enumerated() {
                #expect(try daemon.cli(["customer", "add", "c\(index)", "--name", name, "--kind", "corporate"]).status == 0)
            }
            #expect(daemon.stop() == 0)

            let file = daemon.dataDirectory + "/data.mdb"
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            let marker = Data("MARKER-7f3a".utf8)
            // Copy-on-write leaves stale copies of pages behind, and the customer's row holds the
            // name too: flip the byte wherever the marker stands, the event's live page among them.
            var flipped = 0
            var searchFrom = bytes.startIndex
            while let found = bytes.range(of: marker, in: searchFrom..<bytes.endIndex) {
                bytes[found.lowerBound] ^= 0x01
                flipped += 1
                searchFrom = found.upperBound
            }
            #expect(flipped >= 1, "the event's bytes are in the file")
            try bytes.write(to: URL(fileURLWithPath: file))

            let offline = try Self.offline(["verify", "--data-dir", daemon.dataDirectory])
            #expect(offline.status == 65)
            #expect(offline.stdout.contains("first problem: event 2"), "\(offline.stdout)")

            try daemon.start()
            defer { daemon.stop() }
            let online = try daemon.cli(["--json", "audit", "verify"])
            #expect(online.status == 65)
            let result = try JSONDecoder().decode(VerifyResult.self, from: Data(online.stdout.utf8))
            #expect(!result.intact && result.failure?.hasPrefix("event 2:") == true, "\(result)")
        }
    }
}
