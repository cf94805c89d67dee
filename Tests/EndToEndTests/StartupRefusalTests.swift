import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dossierd` refuses to start on directories and files it must not serve, and says what is
/// wrong with them in words an operator can act on.
@Suite("Start-up refusals name the real problem")
struct StartupRefusalTests {
    static let notRoot: String? =
        getuid() == 0 ? nil : "giving a directory to another uid needs root; these tests run as uid \(getuid())"

    /// Runs `dossierd` on `dataDirectory` and `socket` until it exits; one that starts instead is
    /// killed after a minute (and then did not exit with the status the test expects).
    static func run(data dataDirectory: String, socket: String) throws -> ProcessOutput {
        try ProcessRunner.run(
            BuiltProducts.dossierd, ["--data-dir", dataDirectory, "--socket", socket], timeoutSeconds: 60)
    }

    /// Issue 16.3: `nobody` made the socket's directory (mode 1777) before the daemon started,
    /// so that it could replace the socket later and receive the clients' requests.
    @Test(.disabled(if: Self.notRoot != nil, Comment(rawValue: Self.notRoot ?? "")))
    func aSquattedSocketDirectoryStopsTheDaemon() async throws {
        try await withTemporaryDirectory { directory in
            let squatted = try directory.makeDirectory("dossier-0", mode: 0o1777, owner: 65534)
            let output = try Self.run(data: directory.appending("data"), socket: squatted + "/dossierd.sock")
            #expect(output.status == 78, "\(output.stderr)")
            #expect(output.stderr.contains(squatted), "\(output.stderr)")
            #expect(output.stderr.contains("uid 65534"), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: squatted + "/dossierd.sock"), "no socket was made there")
            #expect(!FileManager.default.fileExists(atPath: directory.appending("data")), "no log was opened")
        }
    }

    @Test func aStickyWorldWritableSocketDirectoryStopsTheDaemon() async throws {
        try await withTemporaryDirectory { directory in
            let shared = try directory.makeDirectory("shared", mode: 0o1777)
            let output = try Self.run(data: directory.appending("data"), socket: shared + "/dossierd.sock")
            #expect(output.status == 78, "\(output.stderr)")
            #expect(output.stderr.contains("world-writable"), "\(output.stderr)")
        }
    }

    /// Issue 17.7: a regular file given as the data directory was called "open to other users
    /// (mode 0644)" and "not a Dossier log".
    @Test func aDataDirectoryThatIsAFileIsCalledNotADirectory() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending("data")
            #expect(FileManager.default.createFile(atPath: file, contents: Data("notes\n".utf8)))
            #expect(chmod(file, 0o644) == 0)
            let output = try Self.run(data: file, socket: directory.appending("d.sock"))
            #expect(output.status == 78, "\(output.stderr)")
            #expect(output.stderr.contains("not a directory"), "\(output.stderr)")
            #expect(!output.stderr.contains("open to other users"), "\(output.stderr)")
            #expect(!output.stderr.contains("not a Dossier log"), "\(output.stderr)")
        }
    }

    /// Issue 17.7: a `data.mdb` of zero bytes started silently as a new, empty log.
    @Test func anEmptyLogFileBesideOtherFilesIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            #expect(daemon.stop() == 0)
            let file = daemon.dataDirectory + "/data.mdb"
            #expect(truncate(file, 0) == 0)

            let output = try Self.run(data: daemon.dataDirectory, socket: daemon.socketPath)
            #expect(output.status == 65, "\(output.stderr)")
            #expect(output.stderr.contains("empty"), "\(output.stderr)")
            #expect(output.stderr.contains("backup"), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "nothing was served")
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
            #expect(size == 0, "the file was left as it was")
        }
    }

    /// A zero-byte `data.mdb` with nothing beside it holds no log to lose: a first start.
    @Test func anEmptyLogFileAloneIsAFirstStart() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            _ = try directory.makeDirectory("data", mode: 0o700)
            #expect(FileManager.default.createFile(atPath: daemon.dataDirectory + "/data.mdb", contents: nil))
            try daemon.start()
            defer { daemon.stop() }
            #expect(try daemon.connect().call(Method.head, NoParams(), as: HeadResult.self).sequence == 0)
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
        }
    }
}
