import DossierProtocol

/// The client's exit codes (sysexits.h), mapped in one place.
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// EX_USAGE: wrong command line.
    public static let usage: Int32 = 64
    /// EX_DATAERR: the daemon refused the request (a rule, bad data, not found).
    public static let refused: Int32 = 65
    /// EX_UNAVAILABLE: the daemon cannot be reached, or the socket is served by a uid the
    /// client does not trust.
    public static let unavailable: Int32 = 69
    /// EX_SOFTWARE: the daemon failed internally.
    public static let software: Int32 = 70
    /// EX_IOERR: the daemon's disk or log is full; nothing was written.
    public static let storageFull: Int32 = 74
    /// EX_TEMPFAIL: timeout or shutting down; retrying may work.
    public static let temporaryFailure: Int32 = 75
    /// EX_NOPERM: the caller's role may not do this.
    public static let noPermission: Int32 = 77

    public static func forError(_ error: WireError) -> Int32 {
        switch error.code {
        case .forbidden: return Self.noPermission
        case .internal: return Self.software
        case .storageFull: return Self.storageFull
        case .unavailable: return Self.temporaryFailure
        default: return Self.refused
        }
    }

    public static func forError(_ error: ClientError) -> Int32 {
        switch error {
        case .unreachable, .untrustedServer: return Self.unavailable
        case .timedOut, .connectionClosed: return Self.temporaryFailure
        case .malformedReply: return Self.software
        }
    }
}
