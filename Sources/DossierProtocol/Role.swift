import DossierCore

/// What a caller may do, mapped from the peer's uid/gid by the daemon's config.
public enum Role: String, ClosedSet, Hashable, Comparable {
    /// Reads dossiers without confidential fields.
    case viewer
    /// Records customers and complaints.
    case clerk
    /// Approves what clerks propose (limits, ratings, compensation).
    case approver
    /// Reads everything, replays and verifies the log.
    case auditor
    /// Operates the daemon: backups, status, configuration.
    case admin

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
