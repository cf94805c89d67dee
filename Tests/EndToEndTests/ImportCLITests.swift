import DossierTesting
import Foundation
import Testing

/// `dossier import` without a daemon: a dry run, and the files it cannot read at all (exit 66).
@Suite("dossier import: dry runs and unreadable files")
struct ImportCLITests {
    static func run(_ arguments: [String]) async throws -> ProcessOutput {
        try await onThread {
            try ProcessRunner.run(
                BuiltProducts.dossier, ["--socket", "/nonexistent/d.sock"] + arguments, timeoutSeconds: 60)
        }
    }

    static let cfpb =
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,"
        + "Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,"
        + "Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n"
        + "3/18/2020,Mortgage,,Trouble during payment process,,,,Acme Bank,MA,2134,,,Web,3/19/2020,Closed,Yes,No,1\n"

    @Test(.timeLimit(.minutes(2)))
    func aDryRunNeedsNoDaemonAndCountsWhatWouldBeSent() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending("cfpb.csv")
            #expect(FileManager.default.createFile(atPath: file, contents: Data(Self.cfpb.utf8)))
            let output = try await Self.run(["import", "cfpb", file, "--dry-run"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("accepted      1 (dry run: nothing sent)"), "\(output.stdout)")
            // stderr is no terminal here: no progress bar.
            #expect(!output.stderr.contains("rows/s"), "\(output.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aFileOfAnotherKindOrAnUnknownEncodingExits66() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending("cfpb.csv")
            #expect(FileManager.default.createFile(atPath: file, contents: Data(Self.cfpb.utf8)))
            let wrongKind = try await Self.run(["import", "uci-credit", file, "--dry-run"])
            #expect(wrongKind.status == 66)
            #expect(wrongKind.stderr.contains("no uci-credit header in the first"), "\(wrongKind.stderr)")
            let encoding = try await Self.run(["import", "cfpb", file, "--dry-run", "--encoding", "NO-SUCH-CODE"])
            #expect(encoding.status == 66)
            #expect(encoding.stderr.contains("the encoding NO-SUCH-CODE is unknown"), "\(encoding.stderr)")
            let mapping = directory.appending("bad.toml")
            #expect(FileManager.default.createFile(atPath: mapping, contents: Data("sourse = \"x\"\n".utf8)))
            let misspelt = try await Self.run(["import", "cfpb", file, "--dry-run", "--mapping", mapping])
            #expect(misspelt.status == 66)
            #expect(misspelt.stderr.contains("sourse is not a setting"), "\(misspelt.stderr)")
            let missing = try await Self.run(["import", "cfpb", directory.appending("none.csv"), "--dry-run"])
            #expect(missing.status == 66)
            #expect(missing.stderr.contains("cannot read"), "\(missing.stderr)")
        }
    }

    /// On a terminal (`script` gives the CLI one) a progress bar is drawn: percent, rows/s,
    /// time left; `--json` keeps the terminal quiet.
    @Test(
        .timeLimit(.minutes(2)),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
    func aTerminalGetsAProgressBarUnlessJSON() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending("cfpb.csv")
            #expect(FileManager.default.createFile(atPath: file, contents: Data(Self.cfpb.utf8)))
            let command = "\(BuiltProducts.dossier) --socket /nonexistent/d.sock import cfpb \(file) --dry-run"
            let bar = try await onThread {
                try ProcessRunner.run("/usr/bin/script", ["-qc", command, "/dev/null"], timeoutSeconds: 60)
            }
            #expect(bar.stdout.contains("] 100% 1 rows,") && bar.stdout.contains("rows/s, ETA 0:00"), "\(bar.stdout)")
            let quiet = try await onThread {
                try ProcessRunner.run("/usr/bin/script", ["-qc", command + " --json", "/dev/null"], timeoutSeconds: 60)
            }
            #expect(!quiet.stdout.contains("ETA"), "\(quiet.stdout)")
            #expect(quiet.stdout.contains("\"dryRun\":true"), "\(quiet.stdout)")
        }
    }
}
