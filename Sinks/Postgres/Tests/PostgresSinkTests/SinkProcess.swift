import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `dossier-pg-sink` executable this package built, run as its own process (as an operator
/// runs it), so that a test can kill it with SIGKILL mid-stream.
enum SinkProcess {
    /// Next to the test binary (`.build/<triple>/debug/`), or `$DOSSIER_PG_SINK_BIN`.
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["DOSSIER_PG_SINK_BIN"], !override.isEmpty {
            return override
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("dossier-pg-sink").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/dossier-pg-sink"
    }

    /// The flags that point the sink at `daemon` and `database`, then `extra`.
    static func arguments(_ daemon: DaemonProcess, _ database: TestDatabase, _ extra: [String]) -> [String] {
        [
            "--socket", daemon.socketPath, "--pg-host", database.settings.host, "--pg-port", "\(database.settings.port)",
            "--pg-user", database.settings.user, "--pg-database", database.name, "--progress", "1", "--reconnects", "20",
        ] + extra
    }

    /// A catch-up run (`--until-head`) to its end; killed if it runs longer than 90 s.
    static func catchUp(_ daemon: DaemonProcess, _ database: TestDatabase, _ extra: [String] = []) throws -> ProcessOutput {
        try ProcessRunner.run(
            Self.path, Self.arguments(daemon, database, ["--until-head"] + extra), timeoutSeconds: 90)
    }

    /// Starts a sink that follows for ever, its output appended to `log`.
    static func start(
        _ daemon: DaemonProcess, _ database: TestDatabase, log: String, _ extra: [String] = []
    ) throws -> Process {
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = Self.arguments(daemon, database, extra)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// SIGKILL: the sink gets no chance to finish a transaction or close its connections.
    static func kill9(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// What the tests need besides PostgreSQL: the daemon and client the main package built.
enum SinkTestEnvironment {
    /// Points `DossierTesting.BuiltProducts` at the main package's build (two folders up) when
    /// `DOSSIER_BIN_DIR` is not set, so that `swift test` in Sinks/Postgres works after
    /// `swift build` at the top; refuses clearly when there is no dossierd there.
    static func requireDaemon() throws {
        if (ProcessInfo.processInfo.environment["DOSSIER_BIN_DIR"] ?? "").isEmpty {
            let top = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/../../.build/debug").standardized.path
            setenv("DOSSIER_BIN_DIR", top, 0)
        }
        guard FileManager.default.isExecutableFile(atPath: BuiltProducts.dossierd) else {
            throw TestSetupError(
                "no dossierd at \(BuiltProducts.dossierd): run `swift build` in the top package first, or set DOSSIER_BIN_DIR")
        }
    }

    /// Every event of the daemon's log, as (sequence, hash), read the way the sink reads it.
    static func logHashes(_ daemon: DaemonProcess) async throws -> [(UInt64, String)] {
        try await onThread {
            var hashes: [(UInt64, String)] = []
            try LogFollower(untilHead: true, connect: { try daemon.connect() }).run(from: .init(sequence: 0, hash: nil)) {
                hashes += $0.map { ($0.sequence, $0.hash) }
                return true
            }
            return hashes
        }
    }

    static func head(_ daemon: DaemonProcess) async throws -> HeadResult {
        try await onThread { try daemon.connect().call(Method.head, NoParams(), as: HeadResult.self) }
    }

    /// Registers customers `prefix0` to `prefix<count-1>` over `clients` connections at once.
    static func register(_ daemon: DaemonProcess, count: Int, clients: Int = 2, prefix: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask {
                    try await onThread {
                        let connection = try daemon.connect()
                        for index in stride(from: client, to: count, by: clients) {
                            _ = try connection.call(
                                Method.registerCustomer,
                                RegisterCustomerParams(id: "\(prefix)\(index)", name: "N", kind: .corporate),
                                as: CustomerResult.self)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
