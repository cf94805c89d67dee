import Foundation
import Logging
import PostgresNIO
import PostgresSink

/// A database of one test's own, in the PostgreSQL that `scripts/test` starts
/// (scripts/lib/postgres.sh exports where: DOSSIER_TEST_PG_HOST, _PORT, _USER): created for the
/// test and dropped after it, so tests run in parallel without meeting.
struct TestDatabase: Sendable {
    let name: String
    let settings: PostgresSettings

    static let logger = Logger(label: "sink-tests")

    /// The test PostgreSQL's settings for `database`.
    static func settings(database: String) throws -> PostgresSettings {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["DOSSIER_TEST_PG_HOST"], !host.isEmpty else {
            throw TestSetupError(
                "DOSSIER_TEST_PG_HOST is not set: run these tests through scripts/test, which starts a PostgreSQL "
                    + "of their own, or point DOSSIER_TEST_PG_HOST, _PORT and _USER at one where you may create databases")
        }
        return PostgresSettings(
            host: host, port: Int(environment["DOSSIER_TEST_PG_PORT"] ?? "") ?? 5432,
            user: environment["DOSSIER_TEST_PG_USER"] ?? "postgres", database: database)
    }

    /// Runs `body` with a fresh database, dropped afterwards whatever happens.
    static func with<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let name = "dossier_sink_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // The name is made here of hex digits only: safe to write into the statement.
        try await Self.maintenance("CREATE DATABASE \(name)")
        let database = TestDatabase(name: name, settings: try Self.settings(database: name))
        do {
            let result = try await body(database)
            try await Self.maintenance("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await Self.maintenance("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func maintenance(_ sql: String) async throws {
        try await Self.connect(try Self.settings(database: "postgres")) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
        }
    }

    static func connect<T: Sendable>(
        _ settings: PostgresSettings, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let configuration = PostgresConnection.Configuration(
            unixSocketPath: "\(settings.host)/.s.PGSQL.\(settings.port)", username: settings.user, password: nil,
            database: settings.database)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `query` on this database and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await Self.connect(self.settings) { connection in
            try await connection.query(query, logger: Self.logger).collect()
        }
    }

    /// The replica's checkpoint of source `dossier`.
    func checkpoint() async throws -> (sequence: UInt64, hash: String) {
        let row = try await self.rows("SELECT sequence, hash FROM dossier_checkpoint WHERE source = 'dossier'").first
        guard let row else { return (0, String(repeating: "0", count: 64)) }
        let (sequence, hash) = try row.decode((Int64, String).self)
        return (UInt64(sequence), hash)
    }

    /// Every stored event's (sequence, hash), in order.
    func eventHashes() async throws -> [(UInt64, String)] {
        try await self.rows("SELECT sequence, hash FROM dossier_events WHERE source = 'dossier' ORDER BY sequence").map {
            let (sequence, hash) = try $0.decode((Int64, String).self)
            return (UInt64(sequence), hash)
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
