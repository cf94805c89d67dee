import DossierCore
import Foundation
import Logging

/// The daemon's clock: the system's, or, for tests of due lists and deadlines, one that starts
/// at the RFC 3339 time in `DOSSIERD_TEST_CLOCK` and runs on from there at the system clock's
/// pace (so that events still get later times).
///
/// Only debug builds honour the variable: a release daemon, the one installed and run by
/// systemd, ignores it with a warning, so that no forgotten variable can record events at a
/// false time.
enum DaemonClock {
    static let variable = "DOSSIERD_TEST_CLOCK"

    #if DEBUG
        static let honoursTestClock = true
    #else
        static let honoursTestClock = false
    #endif

    static func make(
        environment: [String: String], logger: Logger, honoursTestClock: Bool = Self.honoursTestClock
    ) -> @Sendable () -> Timestamp {
        let system: @Sendable () -> Timestamp = { Timestamp(Date()) }
        guard let text = environment[Self.variable], !text.isEmpty else { return system }
        guard honoursTestClock else {
            logger.warning("ignoring \(Self.variable): only debug builds of dossierd honour it")
            return system
        }
        guard let start = Timestamp(iso8601: text) else {
            logger.warning("ignoring \(Self.variable): not an RFC 3339 time", metadata: ["clock.value": "\(text)"])
            return system
        }
        logger.warning("the daemon's clock is set for tests", metadata: ["clock.start": "\(start)"])
        let offset = start.rawValue - Timestamp(Date()).rawValue
        return { Timestamp(Date()).adding(milliseconds: offset) }
    }
}
