import DossierCore
import Foundation
import Logging
import Testing

@testable import DossierServer

/// `DOSSIERD_TEST_CLOCK` moves the daemon's clock only where tests run it.
@Suite("The daemon's clock")
struct DaemonClockTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let past = ["DOSSIERD_TEST_CLOCK": "2001-02-03T04:05:06Z"]

    static func isNow(_ clock: () -> Timestamp) -> Bool {
        abs(clock().rawValue - Timestamp(Date()).rawValue) < 60_000
    }

    @Test func aBuildThatHonoursItStartsAtTheGivenTimeAndRunsOn() {
        let clock = DaemonClock.make(environment: Self.past, logger: Self.logger, honoursTestClock: true)
        let first = clock()
        #expect(abs(first.rawValue - Timestamp(iso8601: "2001-02-03T04:05:06Z")!.rawValue) < 60_000)
        #expect(clock() >= first)
    }

    /// A release daemon (`honoursTestClock` false) records events at the real time whatever
    /// its environment says.
    @Test func aReleaseBuildIgnoresIt() {
        #expect(Self.isNow(DaemonClock.make(environment: Self.past, logger: Self.logger, honoursTestClock: false)))
    }

    @Test(arguments: ["", "yesterday", "2001-02-30T00:00:00Z"])
    func aValueThatIsNoTimeIsIgnored(value: String) {
        let clock = DaemonClock.make(
            environment: ["DOSSIERD_TEST_CLOCK": value], logger: Self.logger, honoursTestClock: true)
        #expect(Self.isNow(clock))
    }
}
