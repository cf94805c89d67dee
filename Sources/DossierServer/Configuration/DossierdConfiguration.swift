import DossierCore
import DossierStore
import Logging

/// Everything `dossierd` can be told, with the defaults documented in `config/dossierd.toml`.
/// Precedence: command-line flags > `DOSSIERD_*` environment variables > the TOML file > defaults.
public struct DossierdConfiguration: Sendable, Hashable {
    public var server: ServerConfiguration
    public var store: DossierStore.Configuration
    public var policy: Policy
    public var logLevel: Logger.Level = .info
    /// Where the Ed25519 key that signs published tree heads is (`audit.signing_key_file`);
    /// empty: heads are not signed.
    public var signingKeyFile: String = ""

    public init(server: ServerConfiguration, store: DossierStore.Configuration, policy: Policy = Policy()) {
        self.server = server
        self.store = store
        self.policy = policy
    }
}

/// The socket server's settings.
public struct ServerConfiguration: Sendable, Hashable {
    /// Path of the Unix socket.
    public var socketPath: String
    /// Mode of the socket file: owner and group may connect.
    public var socketMode: UInt16 = 0o660
    /// Group that owns the socket file; the daemon's own group when empty.
    public var socketGroup: String = ""
    /// Longest request line accepted, in bytes; longer lines are answered with `dossier.LineTooLong`.
    public var maximumLineLength: Int = 1 << 20
    /// Most bytes of unfinished request lines buffered across all connections; a connection whose
    /// line would go over is answered with `dossier.Unavailable` and closed.
    public var maximumBufferedBytes: Int = 64 << 20
    /// Requests of one connection processed at the same time; more wait (back-pressure).
    public var maximumInFlightPerConnection: Int = 64
    /// Connections served at the same time; one more gets a `dossier.Unavailable` line and is closed.
    public var maximumConnections: Int = 1024
    /// A connection with no request in flight and no input for this long is closed, in seconds (0: never).
    public var idleTimeoutSeconds: Int = 300
    /// Roles of peers by uid and gid (`[access]`).
    public var access = AccessConfiguration()
    /// Threads of the event loop group (0: one per core).
    public var eventLoopThreads: Int = 0
    /// Longest a graceful shutdown waits for in-flight requests, in seconds.
    public var shutdownGraceSeconds: Int = 20
    /// Most rows one `import.rows` request may carry (`import.max_rows_per_request`): each is a
    /// job on the writer's queue until its batch commits, so this bounds what one request of a
    /// clerk queues (the line length already bounds what it makes the daemon read).
    public var importMaximumRows: Int = 1000

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Longest request line of a peer with no role (whatever `maximumLineLength` says): ample
    /// for `system.hello`, the one method it may call, and all it can make the daemon buffer.
    public static let maximumLineLengthWithoutRole = 4096
}
