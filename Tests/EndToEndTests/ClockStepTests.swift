import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Testing

/// A wall clock that steps back behind the log, through the real daemon and CLI: the next
/// event keeps the log's time, `system.status` and `dossier status` report the step, and the
/// daemon logs it.
@Suite("A clock stepped back, as an operator sees it", .timeLimit(.minutes(2)))
struct ClockStepTests {
    @Test func theStepBackIsReportedByStatusAndTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let first = DaemonProcess(directory: directory)
            try first.start()
            #expect(try first.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"]).status == 0)
            #expect(first.stop() == 0)

            // The same log, under a daemon whose clock reads two hours earlier.
            let earlier = Timestamp(Date()).adding(minutes: -120)
            let second = DaemonProcess(directory: directory, environment: ["DOSSIERD_TEST_CLOCK": earlier.iso8601])
            try second.start()
            defer { _ = second.stop() }
            #expect(try second.cli(["customer", "add", "c2", "--name", "Bolt", "--kind", "corporate"]).status == 0)

            let events = try second.cli(["--json", "events"])
            let log = try DossierJSON.decode(EventsResult.self, from: Array(events.stdout.utf8))
            #expect(log.events.count == 2)
            #expect(log.events[1].recordedAt == log.events[0].recordedAt, "log time holds")

            let json = try second.cli(["--json", "status"])
            #expect(json.status == 0, "\(json.stderr)")
            let status = try DossierJSON.decode(StatusResult.self, from: Array(json.stdout.utf8))
            #expect(status.clock.stepsBack == 1)
            #expect(status.clock.holding)
            #expect(status.clock.largestStepBackMs > 110 * 60_000)
            #expect(status.clock.logTime == log.events[0].recordedAt)

            let text = try second.cli(["status"])
            #expect(text.stdout.contains("wall clock stepped back 1 time(s)"), "\(text.stdout)")
            #expect(text.stdout.contains("holding now until the wall clock catches up"))
            #expect(second.log.contains("the wall clock went back behind the log"))
        }
    }
}
