/// Why dossierd could not start, with the exit status it uses (sysexits.h).
public struct DaemonStartupError: Error, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32

    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { self.message }

    /// EX_CONFIG: the configuration is invalid.
    public static let configuration: Int32 = 78
    /// EX_CANTCREAT / EX_DATAERR-like: the data directory cannot be used.
    public static let data: Int32 = 65
    /// EX_UNAVAILABLE: the socket cannot be served.
    public static let unavailable: Int32 = 69
}
