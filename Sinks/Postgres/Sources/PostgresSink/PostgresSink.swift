import DossierClient
import DossierMerkle
import DossierProtocol
import Foundation
import Logging

/// Follows dossierd's log and applies it to PostgreSQL exactly once by sequence (see
/// `SinkDatabase.apply`): restartable at any point, and refusing to apply a history other than
/// the one the replica already holds.
public struct PostgresSink: Sendable {
    public let configuration: SinkConfiguration
    public let logger: Logger

    public init(configuration: SinkConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens the replica, checks it, and follows the log into it until the log's head at start
    /// (with `untilHead`) or for ever.
    /// - Returns: the replica's checkpoint when it stopped.
    /// - Throws: `SinkError`, `FollowError` (the log is not the replica's), `WireError` (the
    ///   daemon refused, e.g. a role that may not read the log), `ClientError` (the daemon is
    ///   unreachable after `reconnects` tries).
    @discardableResult
    public func run() async throws -> LogFollower.Position {
        let database = try await SinkDatabase.open(
            self.configuration.postgres, source: self.configuration.source, logger: self.logger)
        do {
            let start = await database.checkpoint
            self.logger.notice(
                "dossier-pg-sink: replica opened",
                metadata: [
                    "sink.source": "\(self.configuration.source)", "sink.postgres": "\(self.configuration.postgres)",
                    "sink.checkpoint": "\(start.sequence)",
                ])
            try await database.checkRows()
            if self.configuration.verification == .full { try await self.verify(database) }
            let end = try await self.follow(into: database, from: start)
            await database.close()
            return end
        } catch {
            await database.close()
            throw error
        }
    }

    /// The replica's event hashes against the daemon's Merkle tree of the same size.
    func verify(_ database: SinkDatabase) async throws {
        let (size, root) = try await database.merkleRoot()
        guard size > 0 else { return }
        let head = try await Blocking.onThread { [self] in
            let connection = try self.connect()
            let head = try connection.call(Method.head, NoParams(), as: HeadResult.self)
            guard head.sequence >= size else { return nil as TreeHeadResult? }
            return try connection.call(Method.treeHead, TreeHeadParams(size: size), as: TreeHeadResult.self)
        }
        guard let head else {
            throw SinkError.diverged(
                "the replica holds \(size) events, but the daemon's log is shorter: it is another log, "
                    + "or one restored from a backup that lost events")
        }
        guard head.root == Hex.encode(root) else {
            throw SinkError.diverged(
                "the Merkle root over the replica's \(size) event hashes is \(Hex.encode(root)), but the daemon's tree "
                    + "of its first \(size) events has root \(head.root): a hash in dossier_events differs from the log's, "
                    + "or the daemon serves another node's log")
        }
        self.logger.info("dossier-pg-sink: replica matches the log's Merkle tree", metadata: ["sink.events": "\(size)"])
    }

    /// Follows the log on a thread of its own; each batch is applied before the next is read,
    /// so the daemon's back-pressure reaches PostgreSQL's pace.
    func follow(into database: SinkDatabase, from start: LogFollower.Position) async throws -> LogFollower.Position {
        let configuration = self.configuration
        let logger = self.logger
        return try await Blocking.onThread { [self] in
            let follower = LogFollower(
                batch: configuration.batch, reconnects: configuration.reconnects, untilHead: configuration.untilHead,
                connect: { try self.connect() },
                onRetry: { error, next in
                    logger.warning(
                        "dossier-pg-sink: lost the daemon; reconnecting", metadata: ["error": "\(error)", "event.seq": "\(next)"])
                })
            var progress = Progress(every: configuration.progressSeconds, logger: logger)
            return try follower.run(from: start) { events in
                try Blocking.wait { try await database.apply(events) }
                progress.applied(events)
                return true
            }
        }
    }

    func connect() throws -> DossierConnection {
        try DossierConnection(
            socketPath: self.configuration.socketPath, timeoutSeconds: self.configuration.daemonTimeoutSeconds,
            serverIdentity: self.configuration.serverIdentity)
    }
}

/// Progress lines: where the replica stands and how fast it moves; one notice when events
/// arrive withheld (the sink's role may not read them).
struct Progress {
    let every: Double
    let logger: Logger
    private var since = Date()
    private var count = 0
    private var warnedWithheld = false

    init(every: Double, logger: Logger) {
        self.every = every
        self.logger = logger
    }

    mutating func applied(_ events: [EventView]) {
        self.count += events.count
        if !self.warnedWithheld, events.contains(where: { $0.type == Confidentiality.withheldEventType }) {
            self.warnedWithheld = true
            self.logger.notice(
                """
                dossier-pg-sink: the sink's role may not read some events; they are stored as Withheld, without data, \
                and the projections they feed stay incomplete (run the sink as an auditor for a full replica)
                """)
        }
        let elapsed = Date().timeIntervalSince(self.since)
        guard elapsed >= self.every, let last = events.last else { return }
        self.logger.info(
            "dossier-pg-sink: applied",
            metadata: ["event.seq": "\(last.sequence)", "sink.events_per_second": "\(Int(Double(self.count) / elapsed))"])
        self.since = Date()
        self.count = 0
    }
}
