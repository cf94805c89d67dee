import Foundation

/// PostgreSQL through `pgbench` (so the client costs nothing measurable): the events table as
/// event stores on PostgreSQL keep it (commanded/eventstore, Marten): a sequence key, a unique
/// event id, a unique (stream, version), the payload. `synchronous_commit` stays on.
enum PostgresWorkload {
    static func prepare(url: String, payloadBytes: Int) throws {
        try Self.psql(
            url,
            """
            DROP TABLE IF EXISTS dossier_bench_events; DROP SEQUENCE IF EXISTS dossier_bench_versions;
            CREATE SEQUENCE dossier_bench_versions;
            CREATE TABLE dossier_bench_events (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, stream text NOT NULL,
              version bigint NOT NULL, data bytea NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
              UNIQUE (stream, version));
            """)
    }

    /// Drops the table and checkpoints, so that the next run starts from a quiet disk.
    static func cleanUp(url: String) throws {
        try Self.psql(url, "DROP TABLE IF EXISTS dossier_bench_events; DROP SEQUENCE IF EXISTS dossier_bench_versions;")
        try? Self.psql(url, "CHECKPOINT")
    }

    /// Events per second with `clients` connections, `eventsPerTransaction` rows per transaction.
    static func run(
        url: String, _ configuration: BenchConfiguration, clients: Int, eventsPerTransaction: Int
    ) throws -> Double {
        try Self.prepare(url: url, payloadBytes: configuration.payloadBytes)
        // Versions come from a sequence: unique per stream whatever the concurrency, like an
        // event store that assigns them under its own lock.
        let script = """
            INSERT INTO dossier_bench_events (id, stream, version, data)
            SELECT gen_random_uuid(), 'customer-c' || lpad((floor(random() * \(configuration.streams)))::int::text, 6, '0'),
                   nextval('dossier_bench_versions'), convert_to(repeat('p', \(configuration.payloadBytes)), 'UTF8')
            FROM generate_series(1, \(eventsPerTransaction));
            """
        let scriptPath = NSTemporaryDirectory() + "dossier-bench-\(UUID().uuidString).sql"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        // A transaction count, not `-T`: pgbench stops a timed run with SIGALRM, and a child of this
        // process inherits a signal mask that blocks it, so a timed run would never end. The counts
        // give runs of about `seconds` at the rates this machine reaches (single rows about 200 per
        // client-second, batches of 1000 rows about 30 per second); pgbench reports the real rate.
        let perClient = max(10, Int(configuration.seconds * (eventsPerTransaction == 1 ? 200 : 30)))
        let output = try Self.execute(
            "pgbench",
            ["-n", "-c", String(clients), "-j", String(min(clients, 2)), "-t", String(perClient), "-f", scriptPath, url])
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
            let tps = Double(line.dropFirst(6).prefix { $0 == "." || $0.isNumber })
        else { throw BenchError.failed("pgbench printed no tps:\n\(output)") }
        return tps * Double(eventsPerTransaction)
    }

    private static func psql(_ url: String, _ sql: String) throws {
        _ = try Self.execute("psql", ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
    }

    private static func execute(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError.failed("\(tool) failed:\n\(output)") }
        return output
    }
}
