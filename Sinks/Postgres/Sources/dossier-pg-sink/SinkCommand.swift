import ArgumentParser
import DossierClient
import DossierProtocol
import Foundation
import Logging
import PostgresSink

/// `dossier-pg-sink`: follows dossierd's log into PostgreSQL tables, exactly once by sequence.
@main
struct SinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-pg-sink",
        abstract: "Follow dossierd's log into PostgreSQL tables (events, customers, complaints, ratings, limits), exactly once.",
        discussion: """
            PostgreSQL settings fall back on libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE, \
            PGPASSWORD). There is no password flag: give --pg-password-file (mode 600) or PGPASSWORD. Stopping the \
            sink at any moment (SIGTERM, SIGKILL) is safe: a batch commits whole or not at all.
            """,
        version: DossierVersion.current)

    @Option(help: "dossierd's socket (default: $DOSSIER_SOCKET, else the daemon's default path).")
    var socket: String?
    @Option(name: .customLong("expect-uid"), help: "Accept only this uid (or root) as the daemon; repeat for more.")
    var expectUID: [UInt32] = []
    @Option(help: "Seconds to wait for the daemon on a read (0: forever).")
    var timeout: Double = 30
    @Option(help: "This node's name in every row, so that several daemons can share a database.")
    var source: String = "dossier"
    @Option(help: "Most events per streamed line and per PostgreSQL transaction, 1 to 1000.")
    var batch: Int = 1000
    @Option(help: "Give up after this many failed connections to the daemon in a row (0: never).")
    var reconnects: Int = 0
    @Flag(help: "Stop once the replica holds the log as it was at start, instead of following for ever.")
    var untilHead = false
    @Option(help: "Before applying: full (Merkle root over every stored hash against the daemon's) or head.")
    var verify: String = "full"
    @Option(help: "Seconds between progress lines.")
    var progress: Double = 10
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(help: "PostgreSQL host, or the directory of its Unix socket (default: $PGHOST, else localhost).")
    var pgHost: String?
    @Option(help: "PostgreSQL port (default: $PGPORT, else 5432).")
    var pgPort: Int?
    @Option(help: "PostgreSQL user (default: $PGUSER, else your user name).")
    var pgUser: String?
    @Option(help: "Database (default: $PGDATABASE, else the user name).")
    var pgDatabase: String?
    @Option(help: "A file (mode 600) whose first line is the password (default: $PGPASSWORD, else none).")
    var pgPasswordFile: String?
    @Option(help: "TLS to PostgreSQL: auto (required unless a Unix socket or loopback), disable, require.")
    var pgTLS: String = "auto"
    @Option(help: "Seconds to wait for PostgreSQL to accept a connection.")
    var pgConnectTimeout: Int64 = 10

    func run() async throws {
        SignalMask.unblockAll()
        do {
            let configuration = try self.sinkConfiguration()
            guard let level = Logger.Level(rawValue: self.logLevel) else {
                throw SinkError.configuration(
                    "--log-level must be one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let end = try await PostgresSink(configuration: configuration, logger: Logger(label: "dossier-pg-sink")).run()
            FileHandle.standardError.write(Data("dossier-pg-sink: replica at event \(end.sequence)\n".utf8))
        } catch {
            let (message, status) = Self.report(error)
            FileHandle.standardError.write(Data("dossier-pg-sink: \(message)\n".utf8))
            throw ExitCode(status)
        }
    }

    /// The configuration from flags, then the environment, then defaults.
    func sinkConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SinkConfiguration {
        let user = self.pgUser ?? environment["PGUSER"] ?? ProcessInfo.processInfo.userName
        var postgres = PostgresSettings(
            host: self.pgHost ?? environment["PGHOST"] ?? "localhost",
            port: try self.pgPort ?? environment["PGPORT"].map(Self.port) ?? 5432, user: user,
            database: self.pgDatabase ?? environment["PGDATABASE"] ?? user)
        if let path = self.pgPasswordFile {
            postgres.password = try .read(fromFile: path)
        } else if let password = environment["PGPASSWORD"], !password.isEmpty {
            postgres.password = .init(password)
        }
        guard let tls = PostgresSettings.TLSMode(rawValue: self.pgTLS) else {
            throw SinkError.configuration("--pg-tls must be auto, disable or require")
        }
        postgres.tls = tls
        postgres.connectTimeoutSeconds = self.pgConnectTimeout
        var configuration = SinkConfiguration(
            socketPath: ClientEnvironment.socketPath(flag: self.socket, environment: environment), postgres: postgres)
        do {
            configuration.serverIdentity = try ClientEnvironment.serverIdentity(flag: self.expectUID, environment: environment)
        } catch {
            throw SinkError.configuration("\(error)")
        }
        configuration.daemonTimeoutSeconds = self.timeout
        configuration.source = self.source
        configuration.batch = self.batch
        configuration.reconnects = self.reconnects
        configuration.untilHead = self.untilHead
        configuration.progressSeconds = self.progress
        guard let verification = SinkConfiguration.Verification(rawValue: self.verify) else {
            throw SinkError.configuration("--verify must be full or head")
        }
        configuration.verification = verification
        if let problem = configuration.problems.first { throw SinkError.configuration(problem) }
        return configuration
    }

    private static func port(_ text: String) throws -> Int {
        guard let port = Int(text) else { throw SinkError.configuration("PGPORT=\(text) is not a port number") }
        return port
    }

    /// The message and exit status (sysexits, as `dossier`'s) for what stopped the sink.
    static func report(_ error: any Error) -> (String, Int32) {
        switch error {
        case let error as SinkError: return (error.description, error.exitStatus)
        case let error as FollowError: return (error.description, ExitStatus.refused)
        case let error as WireError: return ("the daemon refused: \(error.code): \(error.message)", ExitStatus.forError(error))
        case let error as ClientError: return (error.description, ExitStatus.forError(error))
        default: return ("\(error)", ExitStatus.software)
        }
    }
}
