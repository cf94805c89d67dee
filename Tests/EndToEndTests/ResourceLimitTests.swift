import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A bare Unix-socket client whose writing and reading sides may run on two threads at once.
private final class RawSocket: @unchecked Sendable {
    // Guard: one thread only writes (`writeLine`), one thread only reads (`readLine`, `buffer`).
    let fd: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        self.fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(self.fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if rc != 0 { throw ClientError.unreachable(socketPath: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(self.fd) }

    func writeLine(_ text: String) -> Bool {
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(self.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The next line, or nil at end of input (or a reset).
    func readLine() -> [UInt8]? {
        var searched = 0
        while true {
            if let newline = self.buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(self.buffer[..<newline])
                self.buffer.removeSubrange(...newline)
                return line
            }
            searched = self.buffer.count
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(self.fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            self.buffer += chunk[0..<count]
        }
    }
}

@Suite("Resource limits against a real daemon")
struct ResourceLimitTests {
    static func object(_ line: [UInt8]?) throws -> [String: Any] {
        let line = try #require(line)
        return try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    static func errorCode(_ object: [String: Any]) -> String? { (object["error"] as? [String: Any])?["code"] as? String }

    /// The daemon's resident memory in MiB, from /proc.
    static func residentMiB(_ pid: Int32) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kib = try #require(Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kib / 1024
    }

    @Test func connectionsOverTheLimitGetUnavailableAndAreClosed() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments("[server]\nmax_connections = 3", in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config)
            try daemon.start()
            defer { daemon.stop() }

            var open: [DossierConnection] = []
            for _ in 0..<3 {
                let connection = try daemon.connect()
                _ = try connection.call(Method.hello, NoParams(), as: HelloResult.self)
                open.append(connection)
            }
            let refused = try RawSocket(path: daemon.socketPath)
            let reply = try Self.object(refused.readLine())
            #expect(Self.errorCode(reply) == "dossier.Unavailable")
            #expect(((reply["error"] as? [String: Any])?["message"] as? String)?.contains("too many connections") == true)
            #expect(((reply["error"] as? [String: Any])?["details"] as? [String: Any])?["maximum"] as? Int == 3)
            #expect(refused.readLine() == nil, "the refused connection is closed")
            #expect(try daemon.cli(["ping"]).status == 75)

            // The ones being served still work; closing one makes room.
            #expect(try open[0].call(Method.head, NoParams(), as: HeadResult.self).sequence == 0)
            open.removeFirst()
            let deadline = Date().addingTimeInterval(10)
            var served = false
            while !served && Date() < deadline {
                served = (try? daemon.connect().call(Method.hello, NoParams(), as: HelloResult.self)) != nil
                if !served { usleep(50_000) }
            }
            #expect(served)
            #expect(daemon.log.contains("too many connections"))
            #expect(daemon.isRunning)
        }
    }

    @Test func anIdleConnectionIsClosedAndABusyOneIsNot() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments("[server]\nidle_timeout_seconds = 1", in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config)
            try daemon.start()
            defer { daemon.stop() }

            let idle = try RawSocket(path: daemon.socketPath)
            #expect(idle.writeLine(#"{"id":1,"method":"system.hello"}"#))
            #expect(try Self.object(idle.readLine())["result"] != nil)
            let busy = try RawSocket(path: daemon.socketPath)
            let started = Date()
            for id in 0..<8 {
                #expect(busy.writeLine(#"{"id":\#(id),"method":"log.head"}"#))
                #expect(try Self.object(busy.readLine())["id"] as? Int == id)
                usleep(300_000)
            }
            #expect(Date().timeIntervalSince(started) > 2, "the busy connection outlived the timeout")
            #expect(idle.readLine() == nil, "the idle connection was closed")
            #expect(daemon.log.contains("closing idle connection"))
        }
    }

    /// A client pipelines 20,000 requests and reads nothing: the daemon stops reading once its
    /// in-flight window and the socket buffers are full, so its memory stays flat; then every
    /// reply arrives, in order and whole.
    @Test func aClientThatDoesNotReadCannotGrowTheDaemonsMemory() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let pid = try #require(daemon.pid)

            // 50 customers: each customer.list reply below is about 9 KiB, 180 MiB for all of them.
            let setup = try daemon.connect()
            for index in 0..<50 {
                _ = try setup.call(
                    Method.registerCustomer,
                    RegisterCustomerParams(
                        id: String(format: "c%03d", index), name: "Customer number \(index) with a longer name",
                        kind: .corporate),
                    as: CustomerResult.self)
            }
            let socket = try RawSocket(path: daemon.socketPath)
            let request: @Sendable (Int) -> String = { #"{"id":\#($0),"method":"customer.list","params":{"limit":50}}"# }
            for id in 0..<200 { _ = socket.writeLine(request(id)) }  // warm up
            for _ in 0..<200 { _ = try #require(socket.readLine()) }
            let baseline = try Self.residentMiB(pid)

            let count = 20_000
            let sent = Atomic<Int>(0)
            let writer = Thread {
                for id in 0..<count {
                    guard socket.writeLine(request(id)) else { return }
                    sent.add(1, ordering: .relaxed)
                }
            }
            writer.start()
            // Wait until the writer is stuck: the daemon stopped reading.
            var previous = -1
            while sent.load(ordering: .relaxed) != previous {
                previous = sent.load(ordering: .relaxed)
                try await Task.sleep(for: .milliseconds(1500))
            }
            let stuckAt = sent.load(ordering: .relaxed)
            let unread = try Self.residentMiB(pid)
            #expect(stuckAt < count, "the daemon read every request without any reply being read")

            var peak = unread
            var bytes = 0
            for id in 0..<count {
                let line = try #require(socket.readLine(), "reply \(id)")
                bytes += line.count + 1
                if id % 500 == 0 {
                    let reply = try Self.object(line)
                    #expect(reply["id"] as? Int == id)
                    let result = try #require(reply["result"] as? [String: Any])
                    #expect((result["customers"] as? [Any])?.count == 50)
                    peak = max(peak, try Self.residentMiB(pid))
                } else {
                    // Cheap check for the rest: the id is where it belongs.
                    #expect(line.starts(with: Array(#"{"id":\#(id),"#.utf8)), "reply \(id)")
                }
            }
            print(
                "back-pressure: \(count) pipelined customer.list requests, \(bytes >> 20) MiB of replies; "
                    + "the daemon read \(stuckAt) before the client read anything; "
                    + "RSS \(String(format: "%.1f", baseline)) MiB before, \(String(format: "%.1f", unread)) MiB while unread, "
                    + "peak \(String(format: "%.1f", peak)) MiB while reading")
            #expect(unread - baseline < 64, "RSS grew \(unread - baseline) MiB with replies unread")
            #expect(peak - baseline < 64, "RSS grew \(peak - baseline) MiB")
            #expect(daemon.isRunning)
        }
    }

    @Test func directoriesOthersCouldTamperWithStopTheDaemon() async throws {
        try await withTemporaryDirectory { directory in
            let open = directory.appending("open")
            try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: false)
            #expect(chmod(open, 0o777) == 0)

            let dataUnderOpen = try ProcessRunner.run(
                BuiltProducts.dossierd, ["--data-dir", open + "/data", "--socket", directory.appending("a.sock")])
            #expect(dataUnderOpen.status == 78)
            #expect(dataUnderOpen.stderr.contains("world-writable"), "\(dataUnderOpen.stderr)")
            #expect(!FileManager.default.fileExists(atPath: open + "/data"), "nothing was created")

            let worldWritableData = try ProcessRunner.run(
                BuiltProducts.dossierd, ["--data-dir", open, "--socket", directory.appending("b.sock")])
            #expect(worldWritableData.status == 78)
            #expect(worldWritableData.stderr.contains("chmod 0700 \(open)"), "\(worldWritableData.stderr)")

            let socketInOpen = try ProcessRunner.run(
                BuiltProducts.dossierd, ["--data-dir", directory.appending("data"), "--socket", open + "/d.sock"])
            #expect(socketInOpen.status == 78)
            #expect(socketInOpen.stderr.contains("socket directory"), "\(socketInOpen.stderr)")

            // With the sticky bit, as /tmp has it, a directory above the data and the socket's
            // directory is fine (as the socket's own directory it is not: StartupRefusalTests).
            #expect(chmod(directory.path, 0o1777) == 0)
            let daemon = DaemonProcess(directory: try directory.subdirectory("own"))
            try daemon.start()
            defer { daemon.stop() }
            #expect(daemon.isRunning)
        }
    }
}
