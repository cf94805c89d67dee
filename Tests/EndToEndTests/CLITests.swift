import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("The real dossier CLI against the real dossierd")
struct CLITests {
    @Test func theTourWorks() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }

            let ping = try daemon.cli(["ping"])
            #expect(ping.status == 0)
            #expect(ping.stdout.contains("pong from dossierd"))

            let add = try daemon.cli(["customer", "add", "c1", "--name", "Acme Ltd", "--kind", "corporate"])
            #expect(add.status == 0, "\(add.stderr)")
            #expect(add.stdout.contains("Acme Ltd"))

            let file = try daemon.cli([
                "complaint", "file", "--customer", "c1", "--type", "service", "--channel", "phone", "--level", "L3",
                "--subject", "card fees", "--json",
            ])
            #expect(file.status == 0, "\(file.stderr)")
            let filed = try JSONDecoder().decode(ComplaintResult.self, from: Data(file.stdout.utf8))
            let number = filed.complaint.number.rawValue

            let show = try daemon.cli(["complaint", "show", number])
            #expect(show.status == 0)
            #expect(show.stdout.contains(number))
            #expect(show.stdout.contains("card fees"))

            let list = try daemon.cli(["complaint", "list", "--customer", "c1"])
            #expect(list.stdout.contains(number))

            let events = try daemon.cli(["events", "--json"])
            let log = try JSONDecoder().decode(EventsResult.self, from: Data(events.stdout.utf8))
            #expect(log.events.map(\.type) == ["CustomerRegistered", "ComplaintFiled"])

            let verify = try daemon.cli(["audit", "verify"])
            #expect(verify.status == 0)
            #expect(verify.stdout.contains("intact"))

            let flag = try daemon.cli([
                "customer", "flag", "c1", "--kind", "overdue_repayment", "--source", "bureau", "--expected-version", "1",
            ])
            #expect(flag.status == 0, "\(flag.stderr)")
            #expect(flag.stdout.contains("open flags    1"), "\(flag.stdout)")
            let stale = try daemon.cli([
                "customer", "flag", "c1", "--kind", "overdue_repayment", "--source", "bureau", "--expected-version", "1",
            ])
            #expect(stale.status == 65)
            #expect(stale.stderr.contains("dossier.WrongExpectedVersion"))

            // Global options may also stand before the command.
            let leading = try daemon.cli(["--json", "--timeout", "10", "customer", "show", "c1"])
            #expect(leading.status == 0, "\(leading.stderr)")
            #expect(leading.stdout.hasPrefix("{"))

            let replay = try daemon.cli(["audit", "replay"])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout.contains("projections equal a replay"))

            let past = try daemon.cli(["customer", "show", "c1", "--as-of", "2000-01-01T00:00:00Z"])
            #expect(past.status == 65)
            #expect(past.stderr.contains("dossier.NotFound"))

            let raw = try daemon.cli(["call", "system.methods"])
            #expect(raw.status == 0)
            #expect(raw.stdout.contains("complaint.file"))
        }
    }

    @Test func exportFollowsTheLogExactlyOnceBySequence() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            for index in 0..<5 {
                _ = try daemon.cli(["customer", "add", "x\(index)", "--name", "X", "--kind", "individual"])
            }
            let all = try daemon.cli(["export", "--page", "2"])
            #expect(all.status == 0, "\(all.stderr)")
            let lines = all.stdout.split(separator: "\n")
            let sequences = try lines.map { try JSONDecoder().decode(EventView.self, from: Data($0.utf8)).sequence }
            #expect(sequences == [1, 2, 3, 4, 5])
            // A consumer resuming after sequence 3 gets 4 and 5 only.
            let resumed = try daemon.cli(["export", "--from", "4"])
            #expect(resumed.stdout.split(separator: "\n").count == 2)
        }
    }

    @Test func errorsGiveTheirCodeAndExitStatus() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }

            let missing = try daemon.cli(["customer", "show", "ghost"])
            #expect(missing.status == 65)
            #expect(missing.stderr.contains("dossier.NotFound"))

            let json = try daemon.cli(["customer", "show", "ghost", "--json"])
            #expect(json.stdout.isEmpty)
            let error = try JSONDecoder().decode(WireError.self, from: Data(json.stderr.utf8))
            #expect(error.code == .notFound)

            let usage = try daemon.cli(["complaint", "file", "--customer", "c1"])
            #expect(usage.status == 64)

            let unknown = try daemon.cli(["call", "no.such.method"])
            #expect(unknown.status == 65)
            #expect(unknown.stderr.contains("dossier.UnknownMethod"))
        }
    }

    @Test func aMissingDaemonGetsAOneLineHint() throws {
        let output = try ProcessRunner.run(BuiltProducts.dossier, ["ping", "--socket", "/tmp/no-such-dossier.sock"])
        #expect(output.status == 69)
        #expect(output.stderr.contains("cannot reach dossierd"))
        #expect(output.stderr.contains("scripts/start"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}
