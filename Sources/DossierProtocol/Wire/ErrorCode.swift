/// A stable, reverse-domain error name on the wire. A struct rather than an enum so that a
/// client built before a new code was added still decodes it.
public struct ErrorCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The line is not a JSON object of the request shape, or its params are invalid.
    public static let badRequest = ErrorCode(rawValue: "dossier.BadRequest")
    /// No method of that name.
    public static let unknownMethod = ErrorCode(rawValue: "dossier.UnknownMethod")
    /// The customer, complaint, stream or event asked for does not exist.
    public static let notFound = ErrorCode(rawValue: "dossier.NotFound")
    /// The stream's version is not what the request expected.
    public static let wrongExpectedVersion = ErrorCode(rawValue: "dossier.WrongExpectedVersion")
    /// A business rule refused the command; `details.rule` names it.
    public static let ruleViolation = ErrorCode(rawValue: "dossier.RuleViolation")
    /// The caller's role may not call this method.
    public static let forbidden = ErrorCode(rawValue: "dossier.Forbidden")
    /// The request line is longer than the server's maximum.
    public static let lineTooLong = ErrorCode(rawValue: "dossier.LineTooLong")
    /// The log reached its maximum size.
    public static let storageFull = ErrorCode(rawValue: "dossier.StorageFull")
    /// The daemon is shutting down or over a limit; retry later.
    public static let unavailable = ErrorCode(rawValue: "dossier.Unavailable")
    /// Anything else; `details.incident` matches a line in the daemon's log.
    public static let `internal` = ErrorCode(rawValue: "dossier.Internal")

    public static let all: [ErrorCode] = [
        .badRequest, .unknownMethod, .notFound, .wrongExpectedVersion, .ruleViolation, .forbidden, .lineTooLong,
        .storageFull, .unavailable, .internal,
    ]

    public var description: String { self.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

/// The `error` member of a reply.
public struct WireError: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    /// One sentence: what failed and what to do. Never confidential data.
    public var message: String
    /// Machine-readable facts, e.g. `{"stream": "customer-42", "expected": 7, "actual": 9}`.
    public var details: [String: JSONValue]?

    public init(code: ErrorCode, message: String, details: [String: JSONValue]? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String { "\(self.code): \(self.message)" }
}
