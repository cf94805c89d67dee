import DossierCore
import Foundation
import Logging

/// The daemon's clock: the system's, or, for tests of due lists and deadlines, one that starts
/// at the RFC 3339 time in `DOSSIERD_TEST_CLOCK` and runs on from there at the system clock's
/// pace (so that events still get later times). Never set it in production: events would be
/// recorded at that time.
enum DaemonClock {
    static let variable = "DOSSIERD_TEST_CLOCK"

    static func make(environment: [String: String], logger: Logger) -> @Sendable () -> Timestamp {
        guard let text = environment[Self.variable], !text.isEmpty else { return { Timestamp(Date()) } }
        guard let start = Timestamp(iso8601: text) else {
            logger.warning("ignoring \(Self.variable): not an RFC 3339 time", metadata: ["clock.value": "\(text)"])
            return { Timestamp(Date()) }
        }
        logger.warning("the daemon's clock is set for tests", metadata: ["clock.start": "\(start)"])
        let offset = start.rawValue - Timestamp(Date()).rawValue
        return { Timestamp(Date()).adding(milliseconds: offset) }
    }
}
