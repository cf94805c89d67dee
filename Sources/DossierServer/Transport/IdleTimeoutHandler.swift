import DossierCore
import Logging
import NIOCore

extension InboundFrame {
    /// Whether the connection answers this frame: blank lines (spaces and tabs only) get no reply.
    var expectsReply: Bool {
        switch self {
        case .line(let line): return !line.readableBytesView.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        case .oversized, .overBudget: return true
        }
    }
}

/// Closes a connection that has no request in flight and has sent nothing for `timeout`
/// (`server.idle_timeout_seconds`).
///
/// Sits between the line decoder and the `RequestHandler`: it counts the frames that will get a
/// reply and the replies written, and runs a timer only while every request is answered. A
/// client that stops reading its replies counts as idle once the last reply is handed to the
/// socket, so it cannot hold the connection (and its buffered replies) forever.
final class IdleTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = InboundFrame
    typealias InboundOut = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let closeLog = LogRateLimiter(burst: 10, interval: .seconds(10))

    private let timeout: TimeAmount
    private let logger: Logger
    private var unanswered = 0
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.arm(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        self.arm(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if self.unwrapInboundIn(data).expectsReply {
            self.unanswered += 1
            self.disarm()
        } else if self.unanswered == 0 {
            self.arm(context: context)  // input, even a blank line, restarts the clock
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // One reply line per answered frame.
        self.unanswered = max(0, self.unanswered - 1)
        if self.unanswered == 0 { self.arm(context: context) }
        context.write(data, promise: promise)
    }

    private func arm(context: ChannelHandlerContext) {
        self.disarm()
        let timeout = self.timeout
        let logger = self.logger
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            Self.closeLog { suppressed in
                var metadata: Logger.Metadata = ["server.idle_timeout_seconds": "\(timeout.nanoseconds / 1_000_000_000)"]
                if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
                logger.notice("closing idle connection", metadata: metadata)
            }
            loopBound.value.close(promise: nil)
        }
    }

    private func disarm() {
        self.timer?.cancel()
        self.timer = nil
    }
}
