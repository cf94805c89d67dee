import DossierClient
import DossierProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `dossierd` process on a temporary socket and data directory.
public final class DaemonProcess: @unchecked Sendable {
    // Guard: used from one test task at a time; `process` is only replaced by `start()`.
    public let socketPath: String
    public let dataDirectory: String
    public let logPath: String
    public let extraArguments: [String]
    public let environment: [String: String]
    /// The uid the daemon runs as (through `setpriv`, see `OtherUsers`), or nil for this
    /// process's own. The directory must then belong to that uid.
    public let uid: UInt32?
    /// The file mode creation mask the daemon starts with (through `/bin/sh`); the test
    /// process's own when nil. Changing the test process's umask would race other tests.
    public let umask: mode_t?
    private var process: Process?

    public init(
        directory: TemporaryDirectory, extraArguments: [String] = [], environment: [String: String] = [:],
        uid: UInt32? = nil, umask: mode_t? = nil
    ) {
        self.socketPath = directory.appending("d.sock")
        self.dataDirectory = directory.appending("data")
        self.logPath = directory.appending("dossierd.log")
        self.extraArguments = extraArguments
        self.environment = environment
        self.uid = uid
        self.umask = umask
    }

    /// The uids this process's connections accept as the server: the daemon's, when it runs as
    /// another uid.
    public var serverIdentity: ServerIdentity { self.uid.map { .expecting([$0]) } ?? .forThisUser }

    public var pid: Int32? { self.process?.processIdentifier }

    /// Starts the daemon and waits until it answers `system.hello`.
    public func start(timeoutSeconds: Double = 30) throws {
        try self.launch()
        try self.waitUntilReady(timeoutSeconds: timeoutSeconds)
    }

    /// Starts the daemon and returns at once, for tests of what happens before it is ready.
    public func launch() throws {
        // Appended to across restarts, so a test's log shows every run of the daemon.
        if !FileManager.default.fileExists(atPath: self.logPath) {
            _ = FileManager.default.createFile(atPath: self.logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: self.logPath))
        log.seekToEndOfFile()
        let process = Process()
        let arguments = ["--data-dir", self.dataDirectory, "--socket", self.socketPath] + self.extraArguments
        // setpriv and sh both exec the next program in place: the process id stays the daemon's.
        var command = [BuiltProducts.dossierd] + arguments
        if let uid = self.uid { command = [OtherUsers.setpriv] + OtherUsers.setprivArguments(uid: uid) + command }
        if let umask = self.umask {
            command = ["/bin/sh", "-c", "umask \(String(umask, radix: 8)) && exec \"$0\" \"$@\""] + command
        }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardError = log
        process.standardOutput = log
        process.standardInput = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        try process.run()
        self.process = process
    }

    /// Waits until the daemon answers `system.hello`.
    /// - Throws: `DaemonProcessError` when it exits first or is not ready in time.
    public func waitUntilReady(timeoutSeconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            guard let process = self.process, process.isRunning else {
                throw DaemonProcessError.exited(status: self.process?.terminationStatus ?? -1, log: self.log)
            }
            if self.answersHello { return }
            usleep(20_000)
        }
        throw DaemonProcessError.notReady(log: self.log)
    }

    /// Whether a daemon answers `system.hello` on the socket now.
    public var answersHello: Bool {
        // Through `connect`, which expects the daemon's uid when it runs as another user.
        guard let connection = try? self.connect(timeoutSeconds: 5) else { return false }
        return (try? connection.call(Method.hello, NoParams(), as: HelloResult.self)) != nil
    }

    /// Sends SIGTERM and waits for a graceful exit; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard let process = self.process else { return 0 }
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends SIGKILL: the daemon gets no chance to flush or clean up.
    public func kill9() {
        guard let process = self.process else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    public var isRunning: Bool { self.process?.isRunning ?? false }

    public var log: String { (try? String(contentsOfFile: self.logPath, encoding: .utf8)) ?? "" }

    /// A new connection to the daemon.
    public func connect(timeoutSeconds: Double = 30) throws -> DossierConnection {
        try DossierConnection(
            socketPath: self.socketPath, timeoutSeconds: timeoutSeconds, serverIdentity: self.serverIdentity)
    }

    /// Runs the real `dossier` client against this daemon, with `environment` added to this process's.
    public func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutput {
        try ProcessRunner.run(
            BuiltProducts.dossier, arguments,
            environment: environment.merging(["DOSSIER_SOCKET": self.socketPath]) { $1 })
    }

    deinit {
        if let process = self.process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

public enum DaemonProcessError: Error, CustomStringConvertible {
    case exited(status: Int32, log: String)
    case notReady(log: String)

    public var description: String {
        switch self {
        case .exited(let status, let log): return "dossierd exited with status \(status); log:\n\(log)"
        case .notReady(let log): return "dossierd did not become ready; log:\n\(log)"
        }
    }
}
