import DossierClient

/// Why the sink stopped, as one sentence an operator can act on, with its exit status
/// (sysexits, as the `dossier` client's).
public enum SinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A setting is missing or wrong.
    case configuration(String)
    /// PostgreSQL's rows and the daemon's log tell different histories, or the replica's own
    /// rows disagree with its checkpoint: nothing more is applied until a person looks.
    case diverged(String)
    /// Another sink applies the same source to the same database.
    case alreadyRunning(source: String)
    /// The database holds tables of a newer sink.
    case schemaTooNew(found: Int, supported: Int)
    /// PostgreSQL refused or failed; `message` is the server's message (never a query's values).
    case postgres(String)

    public var description: String {
        switch self {
        case .configuration(let message):
            return "configuration: \(message)"
        case .diverged(let message):
            return "the replica and the log disagree: \(message). Nothing was applied; see docs/SCALING.md "
                + "(\"When the sink refuses\") before you drop or rebuild anything"
        case .alreadyRunning(let source):
            return "another sink is applying source \(source) to this database (it holds the advisory lock); "
                + "run one sink per source and database"
        case .schemaTooNew(let found, let supported):
            return "the database holds the sink's tables at schema version \(found), newer than this sink's \(supported); "
                + "upgrade the sink"
        case .postgres(let message):
            return "PostgreSQL: \(message)"
        }
    }

    public var exitStatus: Int32 {
        switch self {
        case .configuration, .schemaTooNew: return 78
        case .diverged: return ExitStatus.refused
        case .alreadyRunning, .postgres: return ExitStatus.temporaryFailure
        }
    }
}
