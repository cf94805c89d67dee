import DossierProtocol
import Logging
import NIOCore

/// Serves the requests of one connection on the connection's event loop.
///
/// Each line is prepared as it is read: a quick read runs here, a long read on a task, a write
/// goes to the writer's queue (so one connection's writes are appended in request order) and
/// its reply is built back on this loop once it is durable. A command costs one hop to the
/// writer and one back.
///
/// Replies leave in request order, whatever order they complete in. What a read sees of its own
/// connection is exact: it is answered at a state that includes every earlier write of the
/// connection and no later one. So a read runs only once every earlier write has completed,
/// and a write that follows a read is queued to the writer only once that read has run (had it
/// been queued at once, it could commit with an earlier write and show up in the read). Writes
/// with no read between them go to the writer as they are read, and share its commits. Other
/// connections' writes are not ordered against this connection's reads.
///
/// At most `maximumInFlight` requests are unanswered at once; past that, or while the socket's
/// send buffer is over its high-water mark (a client that does not read its replies), the
/// handler stops asking the socket for more (`read`) and keeps the lines already read for
/// later. Memory per connection stays bounded either way.
///
/// When the input ends (the client half-closed) or on `Drain` (graceful shutdown), it reads
/// no more, answers what is in flight, then closes.
final class RequestHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent as a user inbound event to stop reading, answer the requests in flight and close.
    struct Drain: Sendable {}

    private let router: RequestRouter
    private let requestContext: RequestContext
    private let maximumInFlight: Int
    private let maximumLineLength: Int

    /// The number the next request line gets, and the number of the next reply to write.
    private var nextRequest = 0
    private var nextReply = 0
    /// Replies that completed before an earlier one, by request number.
    private var completedReplies: [Int: ByteBuffer] = [:]
    /// Reads and writes not started yet, in request order: a read waits for the writes before
    /// it to complete, a write for the reads before it.
    private var waiting = CircularBuffer<(number: Int, operation: Operation)>()
    /// Writes queued to the writer and not yet durable; all come before anything waiting.
    private var unfinishedWrites = 0
    /// Long reads started and not yet answered; all come before anything waiting.
    private var runningReads = 0
    /// Lines read while `maximumInFlight` requests were unanswered.
    private var backlog = CircularBuffer<InboundFrame>()
    /// A `read` held back because too many requests are in flight.
    private var readHeld = false
    private var unflushed = false
    private var stopping = false
    private var closed = false
    /// The streaming reply running now: nothing after it starts until it ends.
    private var currentStream: ReplyStream?
    /// Sends of the stream waiting for the socket to take more.
    private var streamSendsWaiting: [EventLoopPromise<Bool>] = []

    init(router: RequestRouter, context: RequestContext, maximumInFlight: Int, maximumLineLength: Int) {
        precondition(maximumInFlight > 0, "a connection needs room for at least one request")
        self.router = router
        self.requestContext = context
        self.maximumInFlight = maximumInFlight
        self.maximumLineLength = maximumLineLength
    }

    /// A read or a write of the connection, prepared.
    private enum Operation {
        case read(PreparedReply.Read)
        case write(@Sendable (any EventLoop) -> EventLoopFuture<ByteBuffer>)
        case stream(@Sendable (ReplyStream) async -> Void)
    }

    private var inFlight: Int { self.nextRequest - self.nextReply }

    /// Whether another request may start now.
    private func hasRoom(_ context: ChannelHandlerContext) -> Bool {
        self.inFlight < self.maximumInFlight && context.channel.isWritable
    }

    // MARK: - Input

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.stopping else { return }
        let frame = self.unwrapInboundIn(data)
        if !self.hasRoom(context) || !self.backlog.isEmpty {
            self.backlog.append(frame)
        } else {
            self.handle(frame, context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flushIfNeeded(context: context)
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        if self.stopping || !self.hasRoom(context) {
            self.readHeld = true
        } else {
            context.read()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case ChannelEvent.inputClosed:
            // The client sent all it will send; it still gets every reply.
            self.stopping = true
            self.closeIfDone(context: context)
        case is Drain:
            self.stopping = true
            self.backlog.removeAll()
            self.currentStream?.stop()
            self.closeIfDone(context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            self.resumeStreamSends(true)
            self.afterAsynchronousCompletion(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.closed = true
        self.stopping = true
        self.backlog.removeAll()
        self.resumeStreamSends(false)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.requestContext.logger.debug("connection failed", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: - Requests

    private func handle(_ frame: InboundFrame, context: ChannelHandlerContext) {
        guard frame.expectsReply else { return }  // a blank line
        let number = self.nextRequest
        self.nextRequest += 1
        switch frame {
        case .oversized(let length):
            self.requestContext.logger.notice("request line too long", metadata: ["request.length": "\(length)"])
            self.complete(number, RequestRouter.lineTooLongReply(length: length, maximum: self.maximumLineLength), context)
        case .overBudget(let length, let maximum):
            // The decoder drops whatever else comes: answer what was read before, then close.
            let reply = LineBufferBudget.refusal(length: length, maximum: maximum, logger: self.requestContext.logger)
            self.complete(number, reply, context)
            self.stopping = true
            self.closeIfDone(context: context)
        case .line(let line):
            switch self.router.prepare(line, context: self.requestContext) {
            case .ready(let reply):
                self.complete(number, reply, context)
            case .read(let read):
                self.waiting.append((number, .read(read)))
                self.startWaiting(context: context)
            case .write(let start):
                self.waiting.append((number, .write(start)))
                self.startWaiting(context: context)
            case .stream(let produce):
                self.waiting.append((number, .stream(produce)))
                self.startWaiting(context: context)
            }
        }
    }

    /// Starts waiting reads and writes in request order, as far as the ones before them allow.
    private func startWaiting(context: ChannelHandlerContext) {
        while self.currentStream == nil, let (number, operation) = self.waiting.first {
            switch operation {
            case .read(let read):
                guard self.unfinishedWrites == 0 else { return }
                self.waiting.removeFirst()
                self.run(read, number: number, context: context)
            case .write(let start):
                guard self.runningReads == 0 else { return }
                self.waiting.removeFirst()
                self.unfinishedWrites += 1
                start(context.eventLoop).assumeIsolated().whenSuccess { reply in
                    self.unfinishedWrites -= 1
                    self.completeAsynchronously(number, reply, context: context)
                }
            case .stream(let produce):
                // Its lines go straight to the socket: every earlier reply must be out first.
                guard self.unfinishedWrites == 0, self.runningReads == 0, self.nextReply == number else { return }
                self.waiting.removeFirst()
                self.startStream(produce, number: number, context: context)
            }
        }
    }

    // MARK: - Streaming replies

    private func startStream(
        _ produce: @escaping @Sendable (ReplyStream) async -> Void, number: Int, context: ChannelHandlerContext
    ) {
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        let boundContext = NIOLoopBound(context, eventLoop: loop)
        let stream = ReplyStream { line in
            let sent = loop.makePromise(of: Bool.self)
            loop.execute { handler.value.sendStreamLine(line, sent, context: boundContext.value) }
            return (try? await sent.futureResult.get()) ?? false
        }
        self.currentStream = stream
        if self.stopping { stream.stop() }
        loop.makeFutureWithTask { await produce(stream) }.assumeIsolated().whenComplete { _ in
            self.currentStream = nil
            // The stream was this request's reply: its lines are written already.
            self.nextReply = number + 1
            self.startWaiting(context: context)
            self.afterAsynchronousCompletion(context: context)
        }
    }

    /// Writes one line of the running stream; `sent` says true once the socket takes more,
    /// false when the connection is gone.
    private func sendStreamLine(_ line: ByteBuffer, _ sent: EventLoopPromise<Bool>, context: ChannelHandlerContext) {
        guard !self.closed else { return sent.succeed(false) }
        context.writeAndFlush(self.wrapOutboundOut(line), promise: nil)
        if context.channel.isWritable {
            sent.succeed(true)
        } else {
            self.streamSendsWaiting.append(sent)
        }
    }

    private func resumeStreamSends(_ value: Bool) {
        let waiting = self.streamSendsWaiting
        self.streamSendsWaiting = []
        for sent in waiting { sent.succeed(value) }
    }

    private func run(_ read: PreparedReply.Read, number: Int, context: ChannelHandlerContext) {
        switch read {
        case .quick(let body):
            self.complete(number, body(), context)
        case .long(let body):
            self.runningReads += 1
            context.eventLoop.makeFutureWithTask(body).assumeIsolated().whenSuccess { reply in
                self.runningReads -= 1
                self.completeAsynchronously(number, reply, context: context)
            }
        }
    }

    /// A read or write finished on its own time: what waited for it may start now.
    private func completeAsynchronously(_ number: Int, _ reply: ByteBuffer, context: ChannelHandlerContext) {
        self.complete(number, reply, context)
        self.startWaiting(context: context)
        self.afterAsynchronousCompletion(context: context)
    }

    // MARK: - Replies

    /// Records a reply and writes every reply that is now next in request order.
    private func complete(_ number: Int, _ reply: ByteBuffer, _ context: ChannelHandlerContext) {
        self.completedReplies[number] = reply
        while let next = self.completedReplies.removeValue(forKey: self.nextReply) {
            self.nextReply += 1
            guard !self.closed else { continue }
            context.write(self.wrapOutboundOut(next), promise: nil)
            self.unflushed = true
        }
    }

    /// After a reply completed outside of a read: flush, take up held lines, maybe close.
    private func afterAsynchronousCompletion(context: ChannelHandlerContext) {
        self.serveBacklog(context: context)
        self.flushIfNeeded(context: context)
        self.resumeReadingIfRoom(context: context)
        self.closeIfDone(context: context)
    }

    private func serveBacklog(context: ChannelHandlerContext) {
        while self.hasRoom(context), let frame = self.backlog.popFirst() {
            self.handle(frame, context: context)
        }
    }

    private func flushIfNeeded(context: ChannelHandlerContext) {
        guard self.unflushed else { return }
        self.unflushed = false
        context.flush()
    }

    private func resumeReadingIfRoom(context: ChannelHandlerContext) {
        guard self.readHeld, !self.stopping, self.backlog.isEmpty, self.hasRoom(context) else { return }
        self.readHeld = false
        context.read()
    }

    /// Closes once every reply is answered and has left NIO's buffer for the socket: closing
    /// earlier would drop replies still queued behind a slow reader. (A client that never reads
    /// is closed by the idle timeout, which counts it idle once its replies are handed over.)
    private func closeIfDone(context: ChannelHandlerContext) {
        guard self.stopping, !self.closed, self.inFlight == 0, self.backlog.isEmpty else { return }
        self.closed = true
        let written = context.eventLoop.makePromise(of: Void.self)
        // Writes complete in order: this empty one completes after every reply before it.
        context.writeAndFlush(self.wrapOutboundOut(ByteBuffer()), promise: written)
        self.unflushed = false
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
