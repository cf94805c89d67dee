import DossierCore
import DossierProtocol
import Logging
import NIOCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Bounds the connections served at once (`server.max_connections`).
///
/// A connection over the limit is still accepted, so that its client learns why: it gets one
/// `dossier.Unavailable` line and is closed, rather than waiting in the listen backlog.
final class ConnectionLimiter: Sendable {
    let maximum: Int
    private let open = Atomic<Int>(0)
    private let refusalLog = LogRateLimiter(burst: 5, interval: .seconds(10))

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Connections counted as open now.
    var count: Int { self.open.load(ordering: .relaxed) }

    /// Counts one more connection; false (and nothing counted) when the limit is reached.
    func tryAcquire() -> Bool {
        let now = self.open.wrappingAdd(1, ordering: .relaxed).newValue
        if now > self.maximum {
            self.open.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Uncounts a connection that `tryAcquire` counted.
    func release() {
        self.open.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The one line a refused connection gets.
    static func refusalLine(maximum: Int) -> ByteBuffer {
        RequestRouter.errorLine(
            id: nil,
            WireError(
                code: .unavailable,
                message: "too many connections: the daemon serves at most \(maximum) at once; retry later",
                details: ["maximum": .number(Double(maximum))]))
    }

    /// Tells the client the daemon is full, and closes the connection. Runs on the
    /// connection's event loop while it is set up, before it serves anything.
    func refuse(_ channel: any Channel, logger: Logger) throws {
        self.refusalLog { suppressed in
            var metadata: Logger.Metadata = ["server.max_connections": "\(self.maximum)"]
            if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
            logger.warning("too many connections; refusing one", metadata: metadata)
        }
        try channel.pipeline.syncOperations.addHandler(RefusalHandler(line: Self.refusalLine(maximum: self.maximum)))
    }

    /// Raises the soft limit on open files towards the hard limit when `maximum` connections
    /// would not fit under it (the shell's default soft limit is often 1024). Logs a warning
    /// when even the hard limit is too low.
    static func raiseFileLimit(for maximum: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        // Connections, plus the LMDB files, the listening socket, logs and some slack.
        let wanted = rlim_t(maximum + 64)
        guard limit.rlim_cur < wanted else { return }
        let previous = limit.rlim_cur
        limit.rlim_cur = min(wanted, limit.rlim_max)
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 { limit.rlim_cur = previous }
        if limit.rlim_cur < wanted {
            logger.warning(
                "the open-file limit is lower than server.max_connections needs; raise LimitNOFILE or lower the setting",
                metadata: ["server.max_connections": "\(maximum)", "process.nofile": "\(limit.rlim_cur)"])
        }
    }
}

/// Writes one line as soon as the connection is up, then closes it.
private final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let line: ByteBuffer
    private var sent = false

    init(line: ByteBuffer) {
        self.line = line
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.refuse(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}  // whatever it sends goes unanswered

    private func refuse(context: ChannelHandlerContext) {
        guard !self.sent else { return }
        self.sent = true
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(self.wrapOutboundOut(self.line)).assumeIsolated().whenComplete { _ in
            loopBound.value.close(promise: nil)
        }
    }
}
