import NIOCore

/// What the connection must do to answer one request line.
public enum PreparedReply: Sendable {
    /// The reply is known already (malformed input, unknown method, refused access).
    case ready(ByteBuffer)
    /// A read: run it once every earlier write of the connection has completed, so that it
    /// sees them.
    case read(Read)
    /// A write, decoded but not yet queued. Called with the connection's event loop, it queues
    /// the write to the writer and returns the reply, which is built on that loop once the write
    /// is durable (or has failed). Calls queue writes in the order they are made, so the
    /// connection decides when each write may go (after the reads before it have run).
    case write(@Sendable (any EventLoop) -> EventLoopFuture<ByteBuffer>)
    /// A reply of many lines (`"more": true` on all but the last): once every earlier request
    /// is answered, the connection runs it on a task with a `ReplyStream`, and answers nothing
    /// after it until it returns.
    case stream(@Sendable (ReplyStream) async -> Void)

    /// Where a read runs.
    public enum Read: Sendable {
        /// A bounded read (one row, a short page): on the connection's event loop, with no
        /// thread hop.
        case quick(@Sendable () -> ByteBuffer)
        /// A read that may take long (a scan of the log, a backup): on a task, so the event
        /// loop keeps serving other connections.
        case long(@Sendable () async -> ByteBuffer)
    }
}

/// How long a read may run, which decides where it runs (`PreparedReply.Read`).
public enum ReadCost: Sendable {
    /// One row or a bounded page: microseconds.
    case quick
    /// A scan, a fold over a stream's history, a copy: may take milliseconds to minutes.
    case long
}
