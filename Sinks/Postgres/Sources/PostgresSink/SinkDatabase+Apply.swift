import DossierClient
import DossierCore
import DossierProtocol
import PostgresNIO

extension SinkDatabase {
    /// Applies `events`, the next ones after the checkpoint in order, in one transaction: the
    /// events, every projection's rows, and the checkpoint moved to the last event. Either all of
    /// it commits or none: a sink killed at any moment resumes from a checkpoint that matches
    /// its rows exactly, so no event is lost or applied twice.
    ///
    /// The checkpoint moves only from the position this sink holds (compare and set): if anyone
    /// else moved it meanwhile, the transaction is rolled back and the sink stops.
    func apply(_ events: [EventView]) async throws {
        guard let first = events.first, let last = events.last else { return }
        let expected = self.checkpoint
        guard first.sequence == expected.sequence + 1 else {
            throw SinkError.diverged("the sink was handed event \(first.sequence) after checkpoint \(expected.sequence)")
        }
        let json = String(decoding: try DossierJSON.encode(events), as: UTF8.self)
        let source = self.source
        let logger = self.logger
        do {
            try await self.connection.withTransaction(logger: logger) { connection in
                var binds = PostgresBindings(capacity: 2)
                binds.append(source)
                binds.append(json)
                try await connection.query(PostgresQuery(unsafeSQL: Self.insertEventsSQL, binds: binds), logger: logger)
                for projection in replicaProjections {
                    try await Self.write(projection, events, source: source, on: connection, logger: logger)
                }
                let moved = try await connection.query(
                    """
                    UPDATE dossier_checkpoint SET sequence = \(Int64(last.sequence)), hash = \(last.hash), applied_at = now()
                    WHERE source = \(source) AND sequence = \(Int64(expected.sequence))
                      AND hash = \(expected.hash ?? Self.genesisHash)
                    RETURNING sequence
                    """, logger: logger
                ).collect()
                guard moved.count == 1 else {
                    throw SinkError.diverged(
                        "dossier_checkpoint of source \(source) no longer holds \(expected), where this sink left it: "
                            + "something else wrote to the replica")
                }
            }
        } catch {
            throw SinkError.wrapping(error)
        }
        self.checkpoint = LogFollower.Position(sequence: last.sequence, hash: last.hash)
    }

    private static func write<Projection: ReplicaProjection>(
        _ projection: Projection.Type, _ events: [EventView], source: String, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await ProjectionWriter<Projection>(source: source, logger: logger).apply(events, on: connection)
    }

    /// The events of `$2` (as `log.follow` sent them, a JSON array) for source `$1`. A withheld
    /// event keeps its envelope and hash; its type says `Withheld` and it has no data or salt.
    static let insertEventsSQL = """
        INSERT INTO dossier_events (source, sequence, id, stream, version, type, schema_version, occurred_at,
            recorded_at, actor_uid, actor_user, correlation_id, causation_id, data, salt, hash, withheld)
        SELECT $1, e.sequence, e.id, e.stream, e.version, e.type, e."schemaVersion", e."occurredAt", e."recordedAt",
            (e.actor->>'uid')::bigint, e.actor->>'user', e."correlationId", e."causationId",
            CASE WHEN e.type = '\(Confidentiality.withheldEventType)' THEN NULL ELSE e.data END, e.salt, e.hash,
            e.type = '\(Confidentiality.withheldEventType)'
        FROM jsonb_to_recordset($2::jsonb) AS e(sequence bigint, id uuid, stream text, version bigint, type text,
            "schemaVersion" integer, "occurredAt" timestamptz, "recordedAt" timestamptz, actor jsonb,
            "correlationId" uuid, "causationId" uuid, data jsonb, salt text, hash text)
        """
}
