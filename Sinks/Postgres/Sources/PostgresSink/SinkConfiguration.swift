import DossierClient

/// Everything the sink is told, with its defaults (the `dossier-pg-sink` flags and environment
/// variables set them; docs/SCALING.md lists them).
public struct SinkConfiguration: Sendable {
    /// The node's name in every row (`source`), so that several daemons can share a database.
    public var source: String = "dossier"
    /// dossierd's socket, and the uids accepted as the server there.
    public var socketPath: String
    public var serverIdentity: ServerIdentity = .forThisUser
    /// Seconds to wait for the daemon on a read (0: forever); more than the follow stream's
    /// heartbeat (10 s), or a quiet log would look like a dead daemon.
    public var daemonTimeoutSeconds: Double = 30
    /// Most events per `log.follow` line, and so per PostgreSQL transaction, 1 to 1000.
    public var batch: Int = 1000
    /// Failed connections to the daemon in a row before giving up (0: never).
    public var reconnects: Int = 0
    /// Stop once the replica holds the log as it was at start (a catch-up run), instead of
    /// following for ever.
    public var untilHead: Bool = false
    /// What is checked against the daemon's log before anything is applied.
    public var verification: Verification = .full
    /// Seconds between progress lines in the log.
    public var progressSeconds: Double = 10
    public var postgres: PostgresSettings

    public enum Verification: String, Sendable, CaseIterable {
        /// The Merkle root over every event hash in the replica equals the daemon's tree head of
        /// that size: a hash changed anywhere in `dossier_events` is found. Reads every row's hash.
        case full
        /// Only the last applied event's hash is compared with the log (every stream does that).
        case head
    }

    public init(socketPath: String, postgres: PostgresSettings) {
        self.socketPath = socketPath
        self.postgres = postgres
    }

    /// The settings that are out of range, as sentences; empty when all are valid.
    public var problems: [String] {
        var problems: [String] = []
        if self.source.isEmpty || self.source.count > 200 { problems.append("source must be 1 to 200 characters") }
        if !(1...1000).contains(self.batch) { problems.append("batch must be from 1 to 1000") }
        if self.reconnects < 0 { problems.append("reconnects must not be negative") }
        if self.daemonTimeoutSeconds < 0 { problems.append("timeout must not be negative") }
        if self.progressSeconds <= 0 { problems.append("progress interval must be positive") }
        if !(1...65535).contains(self.postgres.port) { problems.append("the PostgreSQL port must be from 1 to 65535") }
        if self.postgres.connectTimeoutSeconds <= 0 { problems.append("the PostgreSQL connect timeout must be positive") }
        return problems
    }
}
