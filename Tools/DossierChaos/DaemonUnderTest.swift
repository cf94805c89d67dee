import DossierClient
import DossierProtocol
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real `dossierd` process that the crash test kills and restarts and the fuzzer feeds:
/// any executable, any data directory (a backup copy too), its output appended to one log file.
public final class DaemonUnderTest: Sendable {
    public let executable: String
    public let dataDirectory: String
    public let socketPath: String
    /// stdout and stderr of every start, appended.
    public let logPath: String
    private let process = Mutex<Process?>(nil)

    public init(executable: String, dataDirectory: String, socketPath: String, logPath: String) {
        self.executable = executable
        self.dataDirectory = dataDirectory
        self.socketPath = socketPath
        self.logPath = logPath
    }

    /// The running daemon's process id, nil when it is not running.
    public var pid: Int32? {
        self.process.withLock { process in
            guard let process, process.isRunning else { return nil }
            return process.processIdentifier
        }
    }

    public var isRunning: Bool { self.pid != nil }

    /// How the last started daemon ended ("signal 11", "exit status 1"), nil while it runs.
    public var exitDescription: String? {
        self.process.withLock { process in
            guard let process, !process.isRunning else { return nil }
            let reason = process.terminationReason == .uncaughtSignal ? "signal" : "exit status"
            return "\(reason) \(process.terminationStatus)"
        }
    }

    /// Starts the daemon and waits until it answers `system.hello`.
    public func start(timeoutSeconds: Double = 60) throws {
        if !FileManager.default.fileExists(atPath: self.logPath) {
            _ = FileManager.default.createFile(atPath: self.logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: self.logPath))
        log.seekToEndOfFile()
        log.write(Data("--- start \(Date()) ---\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: self.executable)
        process.arguments = ["--data-dir", self.dataDirectory, "--socket", self.socketPath]
        process.standardError = log
        process.standardOutput = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? log.close()  // the child has its own copy
        self.process.withLock { $0 = process }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            guard process.isRunning else {
                throw ChaosError("dossierd exited with status \(process.terminationStatus) while starting; log:\n\(self.logTail())")
            }
            if let connection = try? DossierConnection(socketPath: self.socketPath, timeoutSeconds: 5),
                (try? connection.call(Method.hello, NoParams(), as: HelloResult.self)) != nil
            {
                return
            }
            usleep(10_000)
        }
        throw ChaosError("dossierd did not answer system.hello within \(timeoutSeconds) s; log:\n\(self.logTail())")
    }

    /// SIGKILL: the daemon gets no chance to flush, answer or clean up. Waits until it is gone.
    public func kill9() {
        self.process.withLock { process in
            guard let process else { return }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    /// SIGTERM and wait: a graceful stop. Returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        self.process.withLock { process in
            guard let process else { return 0 }
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// A new blocking connection.
    public func connect(timeoutSeconds: Double = 60) throws -> DossierConnection {
        try DossierConnection(socketPath: self.socketPath, timeoutSeconds: timeoutSeconds)
    }

    /// The last lines of the daemon's output, for failure messages.
    public func logTail(lines: Int = 30) -> String {
        let text = (try? String(contentsOfFile: self.logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    deinit {
        self.kill9()
    }
}

/// A failed check or a setup problem, with a message for the summary.
public struct ChaosError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where the built `dossierd` is when none is named: next to the running tool.
public func defaultDossierdPath() -> String {
    let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return tool.deletingLastPathComponent().appendingPathComponent("dossierd").path
}

/// Writing to a socket whose daemon was just killed must fail with EPIPE, not kill the tool.
public func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
}

extension DaemonUnderTest {
    /// A daemon whose data, socket and log live in `directory` (`data/`, `d.sock`, `dossierd.log`).
    public convenience init(executable: String, directory: String) {
        self.init(
            executable: executable, dataDirectory: "\(directory)/data", socketPath: "\(directory)/d.sock",
            logPath: "\(directory)/dossierd.log")
    }
}

/// Removes a tool's working directory after a successful run, or when it was not asked to
/// keep it; otherwise says where it is, for the post-mortem.
public func finishWorkingDirectory(_ directory: String, success: Bool, keep: Bool, tool: String) {
    if success || !keep {
        try? FileManager.default.removeItem(atPath: directory)
    } else {
        print("\(tool): kept \(directory) (data/, dossierd.log)")
    }
}

/// A fresh directory under /tmp (short, because a socket path may not exceed 107 bytes).
public func makeTemporaryDirectory(prefix: String) throws -> String {
    let path = "/tmp/\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    return path
}
