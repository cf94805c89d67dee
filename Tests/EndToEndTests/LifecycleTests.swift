import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Daemon lifecycle: restart, shutdown, the socket file")
struct LifecycleTests {
    static func register(_ connection: DossierConnection, _ id: String) throws -> CustomerResult {
        try connection.call(
            Method.registerCustomer, RegisterCustomerParams(id: id, name: "Customer \(id)", kind: .individual),
            as: CustomerResult.self)
    }

    @Test func aRestartKeepsEveryEventAndTheHeadHash() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            let connection = try daemon.connect()
            for index in 0..<20 { _ = try Self.register(connection, "c\(index)") }
            let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            #expect(daemon.stop() == 0)
            #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))

            try daemon.start()
            defer { daemon.stop() }
            let again = try daemon.connect()
            #expect(try again.call(Method.head, NoParams(), as: HeadResult.self) == head)
            let verify = try again.call(Method.verify, NoParams(), as: VerifyResult.self)
            #expect(verify.intact)
            #expect(verify.events == 20)
        }
    }

    @Test func aSecondDaemonOnALiveSocketIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let other = try ProcessRunner.run(
                BuiltProducts.dossierd,
                ["--socket", daemon.socketPath, "--data-dir", directory.appending("other-data")])
            #expect(other.status == 69)
            #expect(other.stderr.contains("already serving"))
            #expect(try daemon.cli(["ping"]).status == 0)
        }
    }

    @Test func aStaleSocketFromAKilledDaemonIsReplaced() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            _ = try Self.register(try daemon.connect(), "c1")
            daemon.kill9()
            #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
            try daemon.start()
            defer { daemon.stop() }
            #expect(try daemon.cli(["customer", "show", "c1"]).status == 0)
        }
    }

    @Test func anInvalidConfigExitsWithEXCONFIGNamingTheKey() async throws {
        try await withTemporaryDirectory { directory in
            let config = directory.appending("bad.toml")
            try "[store]\ndurability = \"maybe\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let output = try ProcessRunner.run(
                BuiltProducts.dossierd,
                ["--config", config, "--socket", directory.appending("s.sock"), "--data-dir", directory.appending("d")])
            #expect(output.status == 78)
            #expect(output.stderr.contains("store.durability"))
        }
    }

    @Test func checkConfigPrintsTheEffectiveValues() async throws {
        let output = try ProcessRunner.run(
            BuiltProducts.dossierd, ["--check-config", "--socket", "/tmp/check.sock"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("socket_path = \"/tmp/check.sock\""))
        #expect(output.stdout.contains("[policy.complaints.service_levels.L1]\nrespond = \"30m\""))

        let keys = try ProcessRunner.run(BuiltProducts.dossierd, ["--config-keys"])
        #expect(keys.status == 0)
        #expect(keys.stdout.contains("policy.complaints.service_levels.L1.respond  (duration"))
    }

    @Test func systemdHearsReadyAndStopping() async throws {
        try await withTemporaryDirectory { directory in
            let listener = try NotifyListener(path: directory.appending("notify.sock"))
            let daemon = DaemonProcess(directory: directory, environment: ["NOTIFY_SOCKET": listener.path])
            try daemon.start()
            let ready = try listener.receive(timeoutSeconds: 10)
            #expect(ready.contains("READY=1"))
            #expect(ready.contains("STATUS="))
            #expect(daemon.stop() == 0)
            #expect(try listener.receive(timeoutSeconds: 10).contains("STOPPING=1"))
        }
    }
}
