import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17.5: a service level to be resolved before it is answered was accepted by
/// `--check-config` and by a reload.
@Suite("A config that contradicts itself is refused")
struct ConfigRelationTests {
    static let contradicting = """
        [policy.complaints.service_levels]
        L2 = { respond = "5h", resolve = "2h" }
        """

    @Test func checkConfigRefusesItNamingBothKeys() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments(Self.contradicting, in: directory)
            let output = try ProcessRunner.run(BuiltProducts.dossierd, config + ["--check-config"])
            #expect(output.status == 78, "\(output.stdout)\(output.stderr)")
            #expect(output.stderr.contains("policy.complaints.service_levels.L2.respond"), "\(output.stderr)")
            #expect(output.stderr.contains("policy.complaints.service_levels.L2.resolve"), "\(output.stderr)")
            #expect(output.stdout.isEmpty, "no effective values are printed for a refused config")

            // Each value is valid alone: with the other clock left at its default ("12h") it loads.
            try "[policy.complaints.service_levels]\nL2 = { respond = \"5h\" }\n"
                .write(toFile: config[1], atomically: true, encoding: .utf8)
            #expect(try ProcessRunner.run(BuiltProducts.dossierd, config + ["--check-config"]).status == 0)
        }
    }

    @Test func theDaemonRefusesToStartWithIt() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments(Self.contradicting, in: directory)
            let output = try ProcessRunner.run(
                BuiltProducts.dossierd,
                config + ["--data-dir", directory.appending("data"), "--socket", directory.appending("d.sock")],
                timeoutSeconds: 60)
            #expect(output.status == 78, "\(output.stderr)")
            #expect(output.stderr.contains("policy.complaints.service_levels.L2.resolve"), "\(output.stderr)")
        }
    }

    @Test func aReloadWithItIsRefusedAndTheRunningPolicyStays() async throws {
        try await withTemporaryDirectory { directory in
            let config = try DaemonProcess.configArguments(
                "[policy.complaints]\ndefault_unit = \"SH\"\n", in: directory)
            let daemon = DaemonProcess(directory: directory, extraArguments: config)
            try daemon.start()
            defer { daemon.stop() }
            let pid = try #require(daemon.pid)
            try "[policy.complaints]\ndefault_unit = \"BJ\"\n\(Self.contradicting)\n"
                .write(toFile: config[1], atomically: true, encoding: .utf8)
            kill(pid, SIGHUP)
            #expect(ConfigReloadTests.waitForLog(daemon, "config reload refused"), "\(daemon.log)")
            #expect(daemon.log.contains("policy.complaints.service_levels.L2.resolve"))
            #expect(try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            #expect(try ConfigReloadTests.file(daemon).complaint.number.rawValue.hasPrefix("SH"))
        }
    }
}
