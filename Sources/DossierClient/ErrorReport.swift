import DossierProtocol

/// What the CLI says about a failure: the error object it prints with `--json`, the lines it
/// prints for people, and its exit status.
///
/// The daemon's errors (`WireError`) keep their code, message and details; the client's own
/// failures (`ClientError`) get a `dossier.client.*` code. Text mode adds the details a person
/// needs to act (the rule that refused, the incident id to quote to the operator) and, for a
/// write whose outcome is unknown, the request id that makes a repeat safe.
public struct ErrorReport: Sendable {
    /// The error object for `--json` output on stderr.
    public var error: WireError
    /// The text for people, one or more lines, without a final newline.
    public var text: String
    public var exitStatus: Int32

    /// The details printed in text mode, in this order, when the daemon sent them.
    static let detailsForPeople = ["rule", "incident"]

    /// The report for `error`, or nil when it is none the client reports (a programming error
    /// or a local one, which the caller lets through).
    public init?(_ error: any Error) {
        switch error {
        case let error as WireError:
            self = Self.daemon(error)
        case let error as ClientError:
            self.init(
                error: WireError(code: ErrorCode(rawValue: error.code), message: error.description),
                text: "dossier: \(error)", exitStatus: ExitStatus.forError(error))
        case let error as FollowError:
            self.init(
                error: WireError(code: ErrorCode(rawValue: error.code), message: error.description),
                text: "dossier: \(error)", exitStatus: ExitStatus.refused)
        case let error as UnconfirmedWrite:
            guard var report = ErrorReport(error.lastFailure) else { return nil }
            report.error.details = (report.error.details ?? [:]).merging(
                ["requestId": .string(error.requestIDText), "attempts": .number(Double(error.attempts))]) { $1 }
            report.text += "\ndossier: \(error)"
            self = report
        default:
            return nil
        }
    }

    private init(error: WireError, text: String, exitStatus: Int32) {
        self.error = error
        self.text = text
        self.exitStatus = exitStatus
    }

    /// The daemon's answer, with the details that help a person and what a full store means.
    private static func daemon(_ error: WireError) -> ErrorReport {
        let notes = Self.detailsForPeople.compactMap { key in error.details?[key].map { "\(key) \($0)" } }
        var text = "error: \(error.code): \(error.message)"
        if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
        if error.code == .storageFull {
            text += "\ndossier: " + Self.storageFullExplanation(reason: error.details?["reason"]?.stringValue)
        }
        return ErrorReport(error: error, text: text, exitStatus: ExitStatus.forError(error))
    }

    /// What a full store means and what to do, by `details.reason`.
    static func storageFullExplanation(reason: String?) -> String {
        switch reason {
        case "disk":
            return "the disk of the daemon's data directory is full; nothing was appended. "
                + "The operator must free space on that disk."
        case "map":
            return "the log reached its maximum size, store.max_map_size; nothing was appended. "
                + "The operator must raise store.max_map_size in the daemon's config and restart it."
        default:
            return "the daemon's disk or its log (store.max_map_size) is full; nothing was appended. "
                + "The operator must free disk space or raise store.max_map_size."
        }
    }
}
