import NIOCore
import Synchronization

/// Where a streaming reply (`log.follow`) sends its lines: one at a time, each on the
/// connection's event loop, each awaited until the socket has room again, so a follower that
/// reads slowly holds the producer back instead of growing the daemon's memory.
///
/// The connection ends the stream by saying so: `isStopping` turns true on graceful shutdown
/// (the producer then sends a last line and returns), and `send` returns false once the
/// connection is gone (the producer stops at once).
public final class ReplyStream: Sendable {
    private let send: @Sendable (ByteBuffer) async -> Bool
    private let stopping = Atomic<Bool>(false)
    /// Whether the stream ends once it has sent what there is, instead of waiting for more:
    /// for routing without a connection (`RequestRouter.reply(to:)`), where nobody could end it.
    let endsWhenCaughtUp: Bool

    init(endsWhenCaughtUp: Bool = false, send: @escaping @Sendable (ByteBuffer) async -> Bool) {
        self.endsWhenCaughtUp = endsWhenCaughtUp
        self.send = send
    }

    /// Writes `line` and waits until the socket takes more; false when the connection is gone.
    public func send(_ line: ByteBuffer) async -> Bool {
        await self.send(line)
    }

    /// Whether the daemon is stopping: send a last line and end.
    public var isStopping: Bool { self.stopping.load(ordering: .acquiring) }

    func stop() {
        self.stopping.store(true, ordering: .releasing)
    }
}
