import DossierClient
import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Synchronization
import Testing

@Suite("log.follow: catch-up then live, every event once, back-pressure, a clean end")
struct FollowTests {
    /// Registers `count` customers over `clients` connections at once, names from `prefix`.
    static func write(_ daemon: DaemonProcess, count: Int, clients: Int, prefix: String) async throws {
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

    /// Follows on a thread of its own until `until` events were seen; the sequences in order.
    static func follow(_ daemon: DaemonProcess, from: UInt64, until count: Int) -> Task<[UInt64], any Error> {
        Task {
            try await onThread {
                let connection = try daemon.connect()
                var seen: [UInt64] = []
                _ = try connection.stream(Method.follow, FollowParams(from: from, batch: 50), as: EventsResult.self) {
                    seen += $0.events.map(\.sequence)
                    return seen.count < count
                }
                return seen
            }
        }
    }

    @Test func aFollowerFromTheStartGetsEveryEventOnceInOrderDuringWrites() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try await Self.write(daemon, count: 100, clients: 2, prefix: "before-")
            let follower = Self.follow(daemon, from: 1, until: 600)
            try await Self.write(daemon, count: 500, clients: 4, prefix: "during-")
            let seen = try await follower.value
            #expect(seen == Array(1...600))

            // A follower that resumes after the last sequence it got misses nothing and sees nothing twice.
            let resumed = Self.follow(daemon, from: 301, until: 300)
            #expect(try await resumed.value == Array(301...600))
        }
    }

    @Test func aStopEndsTheStreamWithALastLineThatSaysWhereToResume() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            try await Self.write(daemon, count: 5, clients: 1, prefix: "c")
            let ended = Task {
                try await onThread { () -> (Bool, UInt64?) in
                    let connection = try daemon.connect()
                    var last: UInt64?
                    let endedByDaemon = try connection.stream(Method.follow, FollowParams(from: 1), as: EventsResult.self) {
                        last = $0.next
                        return true
                    }
                    return (endedByDaemon, last)
                }
            }
            try await Task.sleep(for: .milliseconds(500))
            #expect(daemon.stop() == 0)
            let (endedByDaemon, next) = try await ended.value
            #expect(endedByDaemon, "the daemon sent a last line without more")
            #expect(next == 6)
        }
    }

    /// `dossier export --follow` across a restart of the daemon: every event once, in order.
    @Test func exportFollowResumesAcrossARestart() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            try await Self.write(daemon, count: 20, clients: 1, prefix: "a")
            let output = directory.appending("export.ndjson")
            FileManager.default.createFile(atPath: output, contents: nil)
            let export = Process()
            export.executableURL = URL(fileURLWithPath: BuiltProducts.dossier)
            export.arguments = ["export", "--follow", "--page", "7"]
            export.environment = ProcessInfo.processInfo.environment.merging(["DOSSIER_SOCKET": daemon.socketPath]) { $1 }
            export.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            export.standardError = FileHandle.nullDevice
            try export.run()
            defer { if export.isRunning { kill(export.processIdentifier, SIGKILL) } }

            func lines() -> [UInt64] {
                let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                return text.split(separator: "\n").compactMap {
                    (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["sequence"] as? UInt64
                }
            }
            func waitFor(_ count: Int) async throws {
                let deadline = ContinuousClock.now + .seconds(30)
                while lines().count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            }
            try await waitFor(20)
            #expect(daemon.stop() == 0)
            try daemon.start()
            defer { daemon.stop() }
            try await Self.write(daemon, count: 15, clients: 3, prefix: "b")
            try await waitFor(35)
            #expect(lines() == Array(1...35))

            // SIGTERM ends it, although this test runner blocks SIGTERM and the client inherits that.
            export.terminate()
            let deadline = ContinuousClock.now + .seconds(10)
            while export.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(!export.isRunning, "dossier export --follow ignored SIGTERM")
        }
    }

    /// A follower that stops reading while writes go on: the daemon holds back instead of
    /// buffering the log for it.
    @Test func aFollowerThatDoesNotReadCannotGrowTheDaemonsMemory() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let pid = try #require(daemon.pid)
            let connection = try daemon.connect()
            try connection.send(line: Array(#"{"id":1,"method":"log.follow","params":{"from":1,"batch":1000}}"#.utf8))
            let description = String(repeating: "d", count: 8000)
            // Flags spread over 200 customers (a customer keeps its open flags in its row).
            try await Self.write(daemon, count: 200, clients: 2, prefix: "c")
            let baseline = try ProcessMemoryReader.residentMiB(pid)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<4 {
                    group.addTask {
                        try await onThread {
                            let writer = try daemon.connect()
                            for index in 0..<1000 {
                                _ = try writer.call(
                                    Method.flagCustomer,
                                    FlagCustomerParams(
                                        customer: "c\((client * 1000 + index) % 200)", kind: .highDebtRatio,
                                        source: "s\(client)-\(index)", detail: description),
                                    as: CustomerResult.self)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // 4,000 events of about 8 KiB: 32 MiB of log the follower did not read.
            let after = try ProcessMemoryReader.residentMiB(pid)
            print("follow back-pressure: RSS \(baseline) MiB before, \(after) MiB after 32 MiB of unread events")
            #expect(after - baseline < 24, "RSS grew \(after - baseline) MiB")
            // Reading now brings every event, in order.
            var seen: UInt64 = 0
            while seen < 4200 {
                let line = try connection.receiveLine()
                let result = try DossierJSON.decode(ResultEnvelope<EventsResult>.self, from: line).result
                for event in result.events {
                    #expect(event.sequence == seen + 1)
                    seen = event.sequence
                }
            }
        }
    }
}

/// The resident memory of a process, from /proc.
enum ProcessMemoryReader {
    static func residentMiB(_ pid: Int32) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        else { return 0 }
        return kib / 1024
    }
}
