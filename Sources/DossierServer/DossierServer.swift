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
    /// The bytes of unfinished request lines, shared by all connections.
    private let lineBudget: LineBufferBudget

    public init(
        configuration: ServerConfiguration, store: DossierStore, version: String, listener: Listener = .path,
        logger: Logger, monitor: ServerMonitor = ServerMonitor(), signer: TreeHeadSigner = .none,
        onReady: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.store = store
        self.monitor = monitor
        self.router = DossierMethods.router(
            store: store, serverVersion: version, monitor: monitor, signer: signer,
            importMaximumRows: configuration.importMaximumRows)
        self.listener = listener
        self.logger = logger
        self.onReady = onReady
        self.lineBudget = LineBufferBudget(maximum: configuration.maximumBufferedBytes)
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

        let grace = TimeAmount.seconds(Int64(self.configuration.shutdownGraceSeconds))
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await serverChannel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await Self.serve(connection, grace: grace) }
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

    private func bind() async throws -> NIOAsyncChannel<any Channel, Never> {
        let limiter = ConnectionLimiter(maximum: self.configuration.maximumConnections)
        ConnectionLimiter.raiseFileLimit(for: limiter.maximum, logger: self.logger)
        let bootstrap = ServerBootstrap(group: self.eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            // A client that shuts down its writing side still gets the replies to what it sent.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<any Channel> = { channel in
            guard limiter.tryAcquire() else {
                return channel.eventLoop.makeCompletedFuture {
                    try limiter.refuse(channel, logger: self.logger)
                    return channel
                }
            }
            channel.closeFuture.whenComplete { _ in limiter.release() }
            return self.initializeConnection(channel).map { channel }
        }
        switch self.listener {
        case .path:
            try SocketFile.prepare(self.configuration.socketPath, group: self.configuration.socketGroup)
            return try await bootstrap.bind(
                unixDomainSocketPath: self.configuration.socketPath, childChannelInitializer: initializer)
        case .inherited(let descriptor):
            return try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        }
    }

    /// Learns who the peer is, then sets up the pipeline that serves its requests.
    private func initializeConnection(_ channel: any Channel) -> EventLoopFuture<Void> {
        let configuration = self.configuration
        let monitor = self.monitor
        let baseLogger = self.logger
        let router = self.router
        let lineBudget = self.lineBudget
        return PeerCredentials.read(from: channel).flatMapErrorThrowing { error in
            baseLogger.warning("cannot read peer credentials; closing", metadata: ["error": "\(error)"])
            throw error
        }.flatMapThrowing { peer in
            var logger = baseLogger
            logger[metadataKey: "peer.uid"] = "\(peer.uid)"
            logger[metadataKey: "peer.pid"] = "\(peer.pid)"
            // Resolved once per connection: a peer's uid and groups cannot change on an open socket.
            let role = AccessPolicy(configuration: configuration.access).role(of: peer)
            logger[metadataKey: "peer.role"] = "\(role?.rawValue ?? "none")"
            var context = RequestContext(
                peer: peer, user: PeerCredentials.userName(of: peer.uid), role: role, logger: logger)
            context.confidentialAccess = configuration.access.confidential
            // A peer with no role may only say hello: it gets no more room than that takes.
            let maximumLineLength =
                role == nil
                ? min(configuration.maximumLineLength, ServerConfiguration.maximumLineLengthWithoutRole)
                : configuration.maximumLineLength
            let handlers = channel.pipeline.syncOperations
            try handlers.addHandler(
                ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLineLength, budget: lineBudget)))
            if configuration.idleTimeoutSeconds > 0 {
                try handlers.addHandler(
                    IdleTimeoutHandler(timeout: .seconds(Int64(configuration.idleTimeoutSeconds)), logger: logger))
            }
            try handlers.addHandler(
                RequestHandler(
                    router: router, context: context, maximumInFlight: configuration.maximumInFlightPerConnection,
                    maximumLineLength: maximumLineLength))
            monitor.connectionOpened()
            logger.debug("connection opened")
            channel.closeFuture.whenComplete { [logger] _ in
                monitor.connectionClosed()
                logger.debug("connection closed")
            }
        }
    }

    /// Waits until the connection closes; on graceful shutdown, asks it to answer what it has
    /// in flight and close, and closes it when it has not done so within `grace`
    /// (`server.shutdown_grace_seconds`): the store closes only after every connection has.
    private static func serve(_ channel: any Channel, grace: TimeAmount) async {
        await withGracefulShutdownHandler {
            try? await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.pipeline.fireUserInboundEventTriggered(RequestHandler.Drain())
            channel.eventLoop.scheduleTask(in: grace) { channel.close(promise: nil) }
        }
    }
}
