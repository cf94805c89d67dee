import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of running a command to completion.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs executables for end-to-end tests.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it, collecting its output.
    /// - Parameter timeoutSeconds: when given, the process is killed (SIGKILL) if it still runs
    ///   after that long: for tests that expect it to exit, such as a daemon that must refuse to
    ///   start, so that one that starts after all fails the test instead of hanging it.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        timeoutSeconds: Double? = nil
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let timeout = DispatchWorkItem { kill(pid, SIGKILL) }
        if let timeoutSeconds { DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timeout) }
        defer { timeout.cancel() }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
