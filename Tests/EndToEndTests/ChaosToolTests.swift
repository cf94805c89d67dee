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
