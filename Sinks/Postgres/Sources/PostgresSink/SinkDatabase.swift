import DossierClient
import DossierProtocol
import Logging
import PostgresNIO

/// The replica in PostgreSQL, through one connection: its tables, its checkpoint, and the one
/// transaction per batch that writes events, projections and the checkpoint together.
///
/// The connection holds a session advisory lock on the source for as long as it lives, so a
/// second sink for the same source and database is refused at start; PostgreSQL releases the
/// lock when the connection ends, even when the sink was killed.
actor SinkDatabase {
    let source: String
    let connection: PostgresConnection
    let logger: Logger
    /// The checkpoint as this sink last committed or read it; moved only by `apply` (in
    /// another file, hence not `private(set)`).
    var checkpoint: LogFollower.Position

    static let genesisHash = String(repeating: "0", count: 64)

    private init(source: String, connection: PostgresConnection, logger: Logger, checkpoint: LogFollower.Position) {
        self.source = source
        self.connection = connection
        self.logger = logger
        self.checkpoint = checkpoint
    }

    /// Connects, takes the source's lock, creates the tables when missing and reads the
    /// checkpoint (creating it at 0).
    static func open(_ settings: PostgresSettings, source: String, logger: Logger) async throws -> SinkDatabase {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try settings.connectionConfiguration(), id: 1, logger: logger)
        } catch {
            throw SinkError.postgres("cannot connect to \(settings): \(PostgresMessage(error))")
        }
        do {
            let locked = try await connection.query(
                "SELECT pg_try_advisory_lock(hashtextextended('dossier-pg-sink/' || \(source), 0))", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
            guard locked else { throw SinkError.alreadyRunning(source: source) }
            try await Self.createTables(on: connection, logger: logger)
            try await connection.query(
                """
                INSERT INTO dossier_checkpoint (source, sequence, hash) VALUES (\(source), 0, \(Self.genesisHash))
                ON CONFLICT (source) DO NOTHING
                """, logger: logger)
            let row = try await connection.query(
                "SELECT sequence, hash FROM dossier_checkpoint WHERE source = \(source)", logger: logger
            ).collect().first
            let (sequence, hash) = try row!.decode((Int64, String).self)
            let checkpoint = LogFollower.Position(sequence: UInt64(sequence), hash: sequence == 0 ? nil : hash)
            return SinkDatabase(source: source, connection: connection, logger: logger, checkpoint: checkpoint)
        } catch {
            try? await connection.close()
            throw SinkError.wrapping(error)
        }
    }

    /// The tables, created under a transaction-scoped lock so that two sinks starting on an
    /// empty database do not race; refuses tables of a newer sink.
    private static func createTables(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended('dossier-pg-sink/schema', 0))", logger: logger)
            for statement in SinkSchema.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            let found = try await connection.query("SELECT max(version) FROM dossier_sink_schema", logger: logger)
                .collect().first?.decode(Int?.self) ?? nil
            if let found, found > SinkSchema.version {
                throw SinkError.schemaTooNew(found: found, supported: SinkSchema.version)
            }
            if found == nil {
                try await connection.query("INSERT INTO dossier_sink_schema (version) VALUES (\(SinkSchema.version))", logger: logger)
            }
        }
    }

    func close() async {
        try? await self.connection.close()
    }
}
