import DossierTesting
import Foundation
import Testing

/// Runs the crash test and the protocol fuzzer as CI does: small counts, real daemons.
@Suite("Crash test and protocol fuzzer")
struct ChaosToolTests {
    static func run(_ tool: String, _ arguments: [String]) throws -> ProcessOutput {
        let path = "\(BuiltProducts.directory)/\(tool)"
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(tool) is not built; run swift build")
        return try ProcessRunner.run(path, arguments + ["--dossierd", BuiltProducts.dossierd])
    }

    @Test func fiveKillsUnderLoadLoseNothing() throws {
        let output = try Self.run("dossier-crashtest", ["--runs", "5", "--seed", "5"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("crash-test: 5 passed, 0 failed; 5 kills"), "\(output.stdout)")
        #expect(summary.contains(" 0 lost"), "\(summary)")
    }

    /// The crash test can fail: against a daemon whose restarts forget what the previous run
    /// wrote (a wrapper restores the data directory as it was at the previous start), it reports
    /// lost events and exits 1.
    @Test func theCrashTestCatchesADaemonThatLosesAcknowledgedEvents() async throws {
        try await withTemporaryDirectory { directory in
            let wrapper = directory.appending("forgetful-dossierd")
            let script = """
                #!/bin/sh
                # Called as: forgetful-dossierd --data-dir DIR --socket PATH
                data="$2"
                if [ -d "$data.previous" ]; then rm -rf "$data"; cp -a "$data.previous" "$data"; fi
                rm -rf "$data.previous"
                if [ -d "$data" ]; then cp -a "$data" "$data.previous"; fi
                exec "\(BuiltProducts.dossierd)" "$@"

                """
            try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
            let path = "\(BuiltProducts.directory)/dossier-crashtest"
            let output = try ProcessRunner.run(path, ["--runs", "3", "--seed", "3", "--dossierd", wrapper])
            #expect(output.status == 1, "\(output.stdout)")
            let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.contains("0 passed") || summary.contains("1 passed"), "\(output.stdout)")
            #expect(!summary.contains(" 0 lost"), "\(output.stdout)")
        }
    }

    @Test func tenThousandFuzzedLinesLeaveTheDaemonWellAndTheLogExact() throws {
        let output = try Self.run("dossier-fuzz", ["--lines", "10000", "--seed", "10"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary == "fuzz: 10000 lines, 0 failed", "\(output.stdout)")
    }

    /// The libFuzzer targets, built without libFuzzer, replay their seed corpus through the same
    /// test function: the corpus (and any crash file added to it) is a regression test.
    @Test(arguments: [("fuzz-request", "request"), ("fuzz-csv", "csv")])
    func libFuzzerTargetsReplayTheirSeedCorpus(target: String, corpus: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = "\(BuiltProducts.directory)/\(target)"
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(target) is not built; run swift build")
        let output = try ProcessRunner.run(path, [root.appendingPathComponent("Fuzz/corpus/\(corpus)").path])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains("no failure"), "\(output.stdout)")
    }
}
