import Foundation
import Synchronization

/// Makes time-ordered event ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds,
/// then a 12-bit counter that keeps ids of the same millisecond in order, then random bits.
///
/// Time-ordered ids land next to each other in the `event_ids` index, so an append touches
/// the index's last page instead of a random one: clients should make their request ids
/// with this too.
public final class TimeOrderedUUID: Sendable {
    private struct State {
        var lastMillisecond: UInt64 = 0
        var counter: UInt16 = 0
        var generator = SystemRandomNumberGenerator()
    }

    private let state = Mutex(State())

    public init() {}

    /// A new id for the current wall-clock time.
    public func next() -> UUID {
        self.next(now: UInt64(max(0, Timestamp(Date()).rawValue)))
    }

    /// A new id for `now`, in Unix milliseconds; never smaller than the previous one.
    public func next(now: UInt64) -> UUID {
        self.state.withLock { state in
            var millisecond = now
            if millisecond <= state.lastMillisecond {
                // Same (or an earlier, after a clock step back) millisecond: keep counting from the last one.
                millisecond = state.lastMillisecond
                state.counter &+= 1
                if state.counter > 0x0fff {
                    millisecond += 1
                    state.counter = 0
                }
            } else {
                state.counter = 0
            }
            state.lastMillisecond = millisecond
            let random = state.generator.next() as UInt64
            var bytes = [UInt8](repeating: 0, count: 16)
            for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millisecond >> (40 - 8 * UInt64(i))) }
            bytes[6] = 0x70 | UInt8(truncatingIfNeeded: state.counter >> 8)
            bytes[7] = UInt8(truncatingIfNeeded: state.counter)
            bytes[8] = 0x80 | UInt8(truncatingIfNeeded: random >> 58)
            for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: random >> (8 * UInt64(i - 9))) }
            return UUID(uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        }
    }
}
