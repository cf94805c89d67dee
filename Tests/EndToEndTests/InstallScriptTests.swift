import DossierTesting
import Foundation
import Testing

@Suite("scripts/install")
struct InstallScriptTests {
    static func install(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run("/bin/bash", ["\(SystemdTests.packageRoot)/scripts/install"] + arguments)
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func itStagesBinariesUnitsAndConfigAndKeepsAnEditedConfig() async throws {
        try await withTemporaryDirectory { directory in
            let root = directory.appending("root")
            let first = try Self.install(["--destdir", root, "--from", BuiltProducts.directory])
            #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
            for binary in ["dossierd", "dossier"] {
                #expect(FileManager.default.isExecutableFile(atPath: "\(root)/usr/local/bin/\(binary)"))
                #expect(try Self.mode("\(root)/usr/local/bin/\(binary)") == 0o755)
            }
            for unit in ["dossierd.service", "dossierd.socket"] {
                let installed = "\(root)/etc/systemd/system/\(unit)"
                #expect(try Self.mode(installed) == 0o644)
                #expect(
                    try String(contentsOfFile: installed, encoding: .utf8)
                        == String(contentsOfFile: "\(SystemdTests.packageRoot)/systemd/\(unit)", encoding: .utf8))
            }
            let config = "\(root)/etc/dossier/dossierd.toml"
            #expect(try Self.mode(config) == 0o644)
            #expect(first.stdout.contains("staged under"))

            // An operator's edit survives a reinstall; the new example lands beside it.
            let edited = try String(contentsOfFile: config, encoding: .utf8)
                .replacingOccurrences(of: "max_batch = 1024", with: "max_batch = 512")
            try edited.write(toFile: config, atomically: true, encoding: .utf8)
            let second = try Self.install(["--destdir", root, "--from", BuiltProducts.directory])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(try String(contentsOfFile: config, encoding: .utf8).contains("max_batch = 512"))
            #expect(FileManager.default.fileExists(atPath: config + ".dist"))
            #expect(second.stdout.contains("keeping"))
        }
    }

    @Test func anInvalidExistingConfigStopsTheInstall() async throws {
        try await withTemporaryDirectory { directory in
            let root = directory.appending("root")
            try FileManager.default.createDirectory(atPath: "\(root)/etc/dossier", withIntermediateDirectories: true)
            try "[store]\nmax_batch = 0\n".write(toFile: "\(root)/etc/dossier/dossierd.toml", atomically: true, encoding: .utf8)
            let output = try Self.install(["--destdir", root, "--from", BuiltProducts.directory])
            #expect(output.status == 78)
            #expect(output.stderr.contains("store.max_batch"))
        }
    }

    @Test func missingBinariesAndUnknownOptionsAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let missing = try Self.install(["--destdir", directory.appending("r"), "--from", directory.path])
            #expect(missing.status == 66)
            let unknown = try Self.install(["--frobnicate"])
            #expect(unknown.status == 64)
        }
    }
}
