import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("systemd: watchdog, socket activation, unit files")
struct SystemdTests {
    /// Every datagram that arrives within `seconds`.
    static func collect(_ listener: NotifyListener, for seconds: Double) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var messages: [String] = []
        while Date() < deadline {
            if let message = try? listener.receive(timeoutSeconds: 1) { messages.append(message) }
        }
        return messages
    }

    @Test func theWatchdogIsPingedAtHalfTheIntervalWithStatusLines() async throws {
        try await withTemporaryDirectory { directory in
            let listener = try NotifyListener(path: directory.appending("notify.sock"))
            let daemon = DaemonProcess(
                directory: directory, environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000"])
            try daemon.start()
            defer { daemon.stop() }
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            let messages = Self.collect(listener, for: 1.2)
            let pings = messages.filter { $0.split(separator: "\n").contains("WATCHDOG=1") }
            // One every 100 ms: allow for a slow machine, but several must come.
            #expect(pings.count >= 5, "\(messages)")
            #expect(messages.contains { $0.contains("STATUS=serving 1 events, ") && $0.contains(" clients") }, "\(messages)")
        }
    }

    @Test func noWatchdogPingsWhenTheWatchdogIsForAnotherProcess() async throws {
        try await withTemporaryDirectory { directory in
            let listener = try NotifyListener(path: directory.appending("notify.sock"))
            let daemon = DaemonProcess(
                directory: directory,
                environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"])
            try daemon.start()
            defer { daemon.stop() }
            let messages = Self.collect(listener, for: 1)
            #expect(messages.contains { $0.contains("READY=1") })
            #expect(!messages.contains { $0.contains("WATCHDOG=1") }, "\(messages)")
        }
    }

    @Test func theDaemonServesASocketPassedInBySystemdSocketActivate() async throws {
        guard let tool = Self.which("systemd-socket-activate") else {
            print("skipped: systemd-socket-activate is not installed (Debian package systemd)")
            return
        }
        try await withTemporaryDirectory { directory in
            let socketPath = directory.appending("activated.sock")
            let logPath = directory.appending("activated.log")
            // Not Foundation's Process: it watches a close-on-exec descriptor to learn that its
            // child ended, takes systemd-socket-activate's exec of dossierd for that, and then
            // blocks its monitor thread in waitpid, so no other Process is reaped again.
            let pid = try Self.spawn(
                tool, ["-l", socketPath, BuiltProducts.dossierd, "--data-dir", directory.appending("data")],
                output: logPath)
            defer {
                if kill(pid, 0) == 0 {
                    kill(pid, SIGKILL)
                    _ = Self.waitForExit(pid)
                }
            }
            // The socket exists before the daemon runs: systemd-socket-activate made it.
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: socketPath) && Date() < deadline { usleep(20_000) }
            #expect(FileManager.default.fileExists(atPath: socketPath))

            let environment = ["DOSSIER_SOCKET": socketPath]
            let ping = try ProcessRunner.run(BuiltProducts.dossier, ["ping"], environment: environment)
            #expect(ping.status == 0, "\(ping.stderr)\n\(Self.read(logPath))")
            #expect(ping.stdout.contains("pong from dossierd"))
            let add = try ProcessRunner.run(
                BuiltProducts.dossier, ["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"],
                environment: environment)
            #expect(add.status == 0)
            #expect(Self.read(logPath).contains("listening on an inherited socket"), "\(Self.read(logPath))")

            kill(pid, SIGTERM)
            #expect(Self.waitForExit(pid) == 0, "\(Self.read(logPath))")
            #expect(Self.read(logPath).contains("store closed"))
        }
    }

    /// `systemd-analyze verify` warns about unknown or misspelt keys on stderr and still exits
    /// 0, so any stderr line fails the check, except the one about the binary not being
    /// installed on this machine.
    @Test func theUnitFilesPassSystemdAnalyzeVerify() throws {
        guard let tool = Self.which("systemd-analyze") else {
            print("skipped: systemd-analyze is not installed (Debian package systemd)")
            return
        }
        let root = Self.packageRoot
        let units = ["systemd/dossierd.service", "systemd/dossierd.socket"].map { "\(root)/\($0)" }
        let output = try ProcessRunner.run(tool, ["verify"] + units)
        let complaints = output.stderr.split(separator: "\n").map(String.init).filter { line in
            !(line.contains("/usr/local/bin/dossierd") && line.contains("is not executable"))
        }
        #expect(complaints.isEmpty, "systemd-analyze verify:\n\(output.stderr)")
    }

    /// Starts `executable` with stdin from /dev/null and stdout and stderr appended to `output`.
    static func spawn(_ executable: String, _ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + the signal when killed).
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// The checkout: the directory above `.build`.
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }
}
