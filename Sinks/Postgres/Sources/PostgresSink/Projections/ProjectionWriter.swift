import DossierProtocol
import Foundation
import Logging
import PostgresNIO

/// Applies a batch of events to one projection's table inside the sink's transaction: loads the
/// rows the batch touches, folds the batch over them in order, and replaces them. Three
/// statements per table and batch, whatever the batch's size.
///
/// Table and column names come from the projection's constants; every value travels as a bound
/// parameter (a JSON document that PostgreSQL turns into rows), never inside the SQL text.
struct ProjectionWriter<Projection: ReplicaProjection> {
    let source: String
    let logger: Logger

    func apply(_ events: [EventView], on connection: PostgresConnection) async throws {
        var touched: [Projection.Key] = []
        var keysOfEvents: [[Projection.Key]] = []
        var seen = Set<Projection.Key>()
        for event in events {
            let keys = Projection.keys(of: event)
            keysOfEvents.append(keys)
            for key in keys where seen.insert(key).inserted { touched.append(key) }
        }
        guard !touched.isEmpty else { return }
        let keys = String(decoding: try Self.encoder.encode(touched), as: UTF8.self)

        var rows: [Projection.Key: Projection.Row] = [:]
        for try await row in try await connection.query(self.statement(Self.loadSQL, keys), logger: self.logger) {
            let json = Data(try row.decode(String.self).utf8)
            rows[try Self.decoder.decode(Projection.Key.self, from: json)] = try Self.decoder.decode(Projection.Row.self, from: json)
        }
        for (event, keys) in zip(events, keysOfEvents) {
            for key in keys { rows[key] = Projection.apply(event, key: key, to: rows[key]) }
        }
        try await connection.query(self.statement(Self.deleteSQL, keys), logger: self.logger)
        let after = touched.compactMap { rows[$0] }
        if !after.isEmpty {
            let json = String(decoding: try Self.encoder.encode(after), as: UTF8.self)
            try await connection.query(self.statement(Self.insertSQL, json), logger: self.logger)
        }
    }

    private func statement(_ sql: String, _ json: String) -> PostgresQuery {
        var binds = PostgresBindings(capacity: 2)
        binds.append(self.source)
        binds.append(json)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    // MARK: - SQL from constants

    /// `t.a = k.a AND t.b = k.b`: the table's rows named by the key objects in `$2`.
    private static var keyMatch: String {
        (["source"] + Projection.keyColumns).map { "t.\($0) = k.\($0)" }.joined(separator: " AND ")
    }

    /// The JSON objects of `$2`, with `$1` as their source, as records of the table's type.
    private static var records: String {
        "SELECT (jsonb_populate_record(NULL::\(Projection.table), o || jsonb_build_object('source', $1::text))).* "
            + "FROM jsonb_array_elements($2::jsonb) AS o"
    }

    /// Each row as a JSON object; numeric columns as text, so that amounts stay exact.
    static var loadSQL: String {
        let numeric = Projection.numericColumns.map { "'\($0)', t.\($0)::text" }.joined(separator: ", ")
        let row = numeric.isEmpty ? "to_jsonb(t)" : "to_jsonb(t) || jsonb_build_object(\(numeric))"
        return "SELECT (\(row))::text FROM \(Projection.table) AS t, (\(Self.records)) AS k WHERE \(Self.keyMatch)"
    }

    static var deleteSQL: String {
        "DELETE FROM \(Projection.table) AS t USING (\(Self.records)) AS k WHERE \(Self.keyMatch)"
    }

    static var insertSQL: String {
        "INSERT INTO \(Projection.table) \(Self.records)"
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
