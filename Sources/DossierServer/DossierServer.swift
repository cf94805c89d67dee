import DossierProtocol
import DossierStore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The socket server: accepts connections on the Unix socket and answers newline-delimited
/// JSON requests, in order per connection, with several in flight at once.
///
/// On graceful shutdown it stops accepting, stops reading new requests, finishes the ones in
/// flight (their commits complete and their replies are written), then returns.
public final class DossierServer: Service, Sendable {
    /// Where to listen.
    public enum Listener: Sendable, Hashable {
        /// Bind the socket path of the configuration.
        case path
        /// Serve an already bound socket passed in by systemd.
        case inherited(Int32)
    }

    public let configuration: ServerConfiguration
    private let store: DossierStore
    private let router: RequestRouter
    private let listener: Listener
    private let logger: Logger
    private let onReady: @Sendable () -> Void
    /// Connections, request counts and latencies, for `system.status` and `system.metrics`.
    public let monitor: ServerMonitor
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let ownsEventLoopGroup: Bool

    public init(
        configuration: ServerConfiguration, store: DossierStore, version: String, listener: Listener = .path,
        logger: Logger, monitor: ServerMonitor = ServerMonitor(), onReady: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.store = store
        self.monitor = monitor
        self.router = DossierMethods.router(store: store, serverVersion: version, monitor: monitor)
        self.listener = listener
        self.logger = logger
        self.onReady = onReady
        if configuration.eventLoopThreads > 0 {
            self.eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
            self.ownsEventLoopGroup = true
        } else {
            self.eventLoopGroup = .singleton
            self.ownsEventLoopGroup = false
        }
    }

    /// Open connections right now.
    public var connectionCount: Int { self.monitor.connectionCount }

    public func run() async throws {
        let serverChannel = try await self.bind()
        if case .path = self.listener {
            try SocketFile.applyPermissions(
                self.configuration.socketPath, mode: self.configuration.socketMode, group: self.configuration.socketGroup)
        }
        switch self.listener {
        case .path:
            self.logger.notice("listening", metadata: ["server.socket": "\(self.configuration.socketPath)"])
        case .inherited(let descriptor):
            self.logger.notice(
                "listening on an inherited socket (socket activation)", metadata: ["server.fd": "\(descriptor)"])
        }
        self.onReady()

        let limiter = ConnectionLimiter(maximum: self.configuration.maximumConnections)
        ConnectionLimiter.raiseFileLimit(for: limiter.maximum, logger: self.logger)
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await serverChannel.executeThenClose { inbound in
                    for try await connection in inbound {
                        guard limiter.tryAcquire() else {
                            group.addTask { await limiter.refuse(connection, logger: self.logger) }
                            continue
                        }
                        group.addTask {
                            defer { limiter.release() }
                            await self.serve(connection)
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            self.logger.notice("no longer accepting connections")
            serverChannel.channel.close(promise: nil)
        }
        if case .path = self.listener {
            unlink(self.configuration.socketPath)
        }
        if self.ownsEventLoopGroup { try? await self.eventLoopGroup.shutdownGracefully() }
        self.logger.notice("server stopped")
    }

    private func bind() async throws -> NIOAsyncChannel<NIOAsyncChannel<InboundFrame, ByteBuffer>, Never> {
        let maximumLineLength = self.configuration.maximumLineLength
        let idleTimeout = self.configuration.idleTimeoutSeconds
        let logger = self.logger
        let bootstrap = ServerBootstrap(group: self.eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            // A client that shuts down its writing side still gets the replies to what it sent.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<InboundFrame, ByteBuffer>> = {
            channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLineLength)))
                if idleTimeout > 0 {
                    try channel.pipeline.syncOperations.addHandler(
                        IdleTimeoutHandler(timeout: .seconds(Int64(idleTimeout)), logger: logger))
                }
                return try NIOAsyncChannel<InboundFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        switch self.listener {
        case .path:
            try SocketFile.prepare(self.configuration.socketPath)
            return try await bootstrap.bind(
                unixDomainSocketPath: self.configuration.socketPath, childChannelInitializer: initializer)
        case .inherited(let descriptor):
            return try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        }
    }

    /// Serves one connection until the peer closes it or the daemon shuts down.
    private func serve(_ connection: NIOAsyncChannel<InboundFrame, ByteBuffer>) async {
        self.monitor.connectionOpened()
        defer { self.monitor.connectionClosed() }
        let peer: PeerCredentials
        do {
            peer = try await PeerCredentials.read(from: connection.channel)
        } catch {
            self.logger.warning("cannot read peer credentials; closing", metadata: ["error": "\(error)"])
            try? await connection.channel.close()
            return
        }
        var logger = self.logger
        logger[metadataKey: "peer.uid"] = "\(peer.uid)"
        logger[metadataKey: "peer.pid"] = "\(peer.pid)"
        // Resolved once per connection: a peer's uid and groups cannot change on an open socket.
        let role = AccessPolicy(configuration: self.configuration.access).role(of: peer)
        logger[metadataKey: "peer.role"] = "\(role?.rawValue ?? "none")"
        let context = RequestContext(
            peer: peer, user: PeerCredentials.userName(of: peer.uid), role: role, logger: logger)
        logger.debug("connection opened")

        let maximumLineLength = self.configuration.maximumLineLength
        let inFlight = AsyncSemaphore(permits: self.configuration.maximumInFlightPerConnection)
        do {
            try await connection.executeThenClose { inbound, outbound in
                // Replies are computed concurrently but written in request order: the writer
                // awaits each request's task in the order the requests arrived.
                let (replies, pending) = AsyncStream.makeStream(of: Task<ByteBuffer, Never>.self)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        var peerGone = false
                        for await task in replies {
                            let reply = await task.value
                            await inFlight.release()
                            if peerGone { continue }
                            do { try await outbound.write(reply) } catch { peerGone = true }
                        }
                    }
                    do {
                        // The last read's or write's task: a read waits for it, so it sees
                        // every earlier write of this connection. A reply made without the
                        // store (an error, an over-long line) is not one: it completes at once,
                        // and a read waiting for it could overtake an earlier write.
                        var previous: Task<ByteBuffer, Never>?
                        for try await frame in inbound.cancelOnGracefulShutdown() {
                            let task: Task<ByteBuffer, Never>
                            switch frame {
                            case .line(let line):
                                if !frame.expectsReply { continue }  // blank line
                                await inFlight.acquire()
                                switch self.router.prepare(line, context: context) {
                                case .ready(let reply):
                                    task = Task { reply }
                                case .command(let work):
                                    task = Task { await work() }
                                    previous = task
                                case .query(let work):
                                    task = Task { [previous] in
                                        _ = await previous?.value
                                        return await work()
                                    }
                                    previous = task
                                }
                            case .oversized(let length):
                                logger.notice("request line too long", metadata: ["request.length": "\(length)"])
                                await inFlight.acquire()
                                task = Task { RequestRouter.lineTooLongReply(length: length, maximum: maximumLineLength) }
                            }
                            pending.yield(task)
                        }
                    } catch {
                        logger.debug("connection input ended", metadata: ["error": "\(error)"])
                    }
                    pending.finish()
                    try await group.waitForAll()
                }
            }
        } catch {
            logger.debug("connection closed with error", metadata: ["error": "\(error)"])
        }
        logger.debug("connection closed")
    }
}
