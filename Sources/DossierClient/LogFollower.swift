import DossierCore
import DossierProtocol
#if canImport(Glibc)
import Glibc
#endif

/// Follows the log (`log.follow`) from a position on, across restarts of the daemon and lost
/// connections: each event once, in sequence order, with no gap. Shared by `dossier export
/// --follow` and the sinks, so that every consumer resumes the same way.
///
/// Blocking: run it on a thread of its own, not on the Swift concurrency pool.
public struct LogFollower {
    /// Where a consumer stands: the last event it applied (0 before the first).
    public struct Position: Hashable, Sendable, CustomStringConvertible {
        public var sequence: UInt64
        /// The applied event's hash. When known, every stream starts at that event again and
        /// must find the same hash there: a consumer that resumes against another log (another
        /// daemon, a restored backup that lost events, a rewritten file) is refused instead of
        /// appending someone else's events after its own.
        public var hash: String?

        public init(sequence: UInt64, hash: String?) {
            self.sequence = sequence
            self.hash = hash
        }

        public var description: String { "\(self.sequence):\(self.hash ?? "?")" }
    }

    /// Most events per streamed line, 1 to 1000.
    public var batch: Int
    /// Failed connections in a row before giving up; 0 never gives up.
    public var reconnects: Int
    /// With true, stops once it has handed over every event the log held when it first
    /// connected (a catch-up run), instead of following forever.
    public var untilHead: Bool
    /// Opens a new connection to the daemon.
    public var connect: () throws -> DossierConnection
    /// Told of the first failure of each series, with the sequence it will resume at.
    public var onRetry: (any Error, UInt64) -> Void

    public init(
        batch: Int = 1000, reconnects: Int = 0, untilHead: Bool = false,
        connect: @escaping () throws -> DossierConnection, onRetry: @escaping (any Error, UInt64) -> Void = { _, _ in }
    ) {
        self.batch = batch
        self.reconnects = reconnects
        self.untilHead = untilHead
        self.connect = connect
        self.onRetry = onRetry
    }

    /// Hands each batch of events after `position` to `apply`, in order. The position moves
    /// past a batch only once `apply` returned, so a batch it failed on (it threw, or the
    /// process died) is sent again by the next run that starts from the consumer's own record.
    /// - Parameter apply: applies a batch (never empty) and returns false to stop.
    /// - Returns: the position after the last batch applied.
    /// - Throws: `FollowError` when the log is not the one `position` was taken from or has a
    ///   gap; `WireError` when the daemon refuses (a role that may not follow); `ClientError`
    ///   once `reconnects` connections in a row failed; whatever `apply` throws.
    @discardableResult
    public func run(from position: Position, _ apply: ([EventView]) throws -> Bool) throws -> Position {
        var position = position
        var head: UInt64?
        var failures = 0
        while true {
            do {
                let connection = try self.connect()
                // Asked before following (a following connection answers nothing else): a log
                // that ends before the position cannot be the one the position came from.
                let now = try connection.call(Method.head, NoParams(), as: HeadResult.self)
                if position.hash != nil && now.sequence < position.sequence {
                    throw FollowError.divergedHistory(sequence: position.sequence, expected: position.hash ?? "", found: nil)
                }
                // At the head already: the stream below would not reach the anchor before a
                // catch-up run returns, so the head's own hash is the check.
                if let expected = position.hash, now.sequence == position.sequence, now.hash != expected {
                    throw FollowError.divergedHistory(sequence: position.sequence, expected: expected, found: now.hash)
                }
                if self.untilHead {
                    head = head ?? now.sequence
                    if position.sequence >= head! { return position }
                }
                failures = 0
                var anchor = position.hash == nil ? nil : position
                let from = anchor?.sequence ?? position.sequence + 1
                let ended = try connection.stream(
                    Method.follow, FollowParams(from: max(from, 1), batch: self.batch), as: EventsResult.self
                ) { result in
                    var events = result.events[...]
                    if let expected = anchor, let first = events.first {
                        try Self.check(first, against: expected)
                        events = events.dropFirst()
                        anchor = nil
                    }
                    guard !events.isEmpty else { return true }
                    try Self.checkContiguous(events, after: position.sequence)
                    let keepGoing = try apply(Array(events))
                    position = Position(sequence: events.last!.sequence, hash: events.last!.hash)
                    if let head, position.sequence >= head { return false }
                    return keepGoing
                }
                if !ended { return position }
                // The daemon ended the stream (it is stopping): reconnect to its successor.
            } catch let error as ClientError {
                failures += 1
                if self.reconnects > 0 && failures > self.reconnects { throw error }
                if failures == 1 { self.onRetry(error, position.sequence + 1) }
            } catch let error as WireError where error.code == .unavailable {
                // Shutting down, or full: the same as a lost connection.
                failures += 1
                if self.reconnects > 0 && failures > self.reconnects { throw error }
                if failures == 1 { self.onRetry(error, position.sequence + 1) }
            }
            usleep(UInt32(min(5_000, 100 * (1 << min(failures, 6)))) * 1000)
        }
    }

    /// The event at the position must be the one the consumer applied there.
    static func check(_ event: EventView, against position: Position) throws(FollowError) {
        guard event.sequence == position.sequence else {
            throw .gap(expected: position.sequence, received: event.sequence)
        }
        guard event.hash == position.hash else {
            throw .divergedHistory(sequence: position.sequence, expected: position.hash ?? "", found: event.hash)
        }
    }

    /// Sequences go up by one from the one after `last`.
    static func checkContiguous(_ events: ArraySlice<EventView>, after last: UInt64) throws(FollowError) {
        var expected = last + 1
        for event in events {
            guard event.sequence == expected else { throw .gap(expected: expected, received: event.sequence) }
            expected += 1
        }
    }
}

/// The log a follower was given is not the one its position came from, or skips events.
public enum FollowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The daemon's event at `sequence` has hash `found` (nil: its log ends before it), not
    /// the `expected` one the consumer applied there.
    case divergedHistory(sequence: UInt64, expected: String, found: String?)
    /// An event came with sequence `received` where `expected` was due.
    case gap(expected: UInt64, received: UInt64)

    /// A code in the style of the wire codes, for `--json` error output.
    public var code: String {
        switch self {
        case .divergedHistory: return "dossier.client.DivergedHistory"
        case .gap: return "dossier.client.Gap"
        }
    }

    public var description: String {
        switch self {
        case .divergedHistory(let sequence, let expected, let found?):
            return "the daemon's log has hash \(found) at sequence \(sequence), but the consumer applied hash "
                + "\(expected) there: it follows another log (another daemon, or a log that was rewritten); refusing to go on"
        case .divergedHistory(let sequence, let expected, nil):
            return "the daemon's log ends before sequence \(sequence), which the consumer already applied (hash "
                + "\(expected)): it follows another log, or one restored from a backup that lost events; refusing to go on"
        case .gap(let expected, let received):
            return "the daemon sent event \(received) where \(expected) was due; refusing to skip events"
        }
    }
}
