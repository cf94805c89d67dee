/// Why a command was refused, or a query found nothing. Never a storage problem.
///
/// Three kinds, whatever the domain: a malformed field, a thing that does not exist, and a
/// named `Rule` that refused the command. Each domain adds constructors for its own cases in
/// its room (`DomainError.customerNotFound(_:)`, ...), so this type lists no domain.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field of the command is malformed or out of range.
    case invalidField(field: String, reason: String)
    /// The thing asked about does not exist; `details` names it (e.g. `customer: c1`).
    case notFound(message: String, details: [String: String])
    /// A named business rule refused the command; `details` are the facts behind it.
    case ruleViolation(Rule, message: String, details: [String: String] = [:])

    /// One sentence: what failed and what to do.
    public var description: String {
        switch self {
        case .invalidField(let field, let reason): return "\(field) \(reason)"
        case .notFound(let message, _): return message
        case .ruleViolation(_, let message, _): return message
        }
    }

    /// Whether the thing asked about does not exist (as opposed to a rule refusing the command).
    public var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }

    /// The rule that refused the command (nil for malformed input and missing things).
    public var rule: Rule? {
        if case .ruleViolation(let rule, _, _) = self { return rule }
        return nil
    }

    /// Machine-readable facts for the wire `details`, with the rule's id as `rule`.
    public var details: [String: String] {
        switch self {
        case .invalidField(let field, _): return ["field": field]
        case .notFound(_, let details): return details
        case .ruleViolation(let rule, _, let details): return details.merging(["rule": rule.id]) { $1 }
        }
    }

    /// The request id was already used by a different request.
    public static func requestIDReused(_ id: String) -> DomainError {
        .ruleViolation(
            .requestUniqueID,
            message: "requestId \(id) was already used by a different request; send a new id for a new request",
            details: ["requestId": id])
    }
}
