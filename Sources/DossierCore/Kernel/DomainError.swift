/// Why a command was refused. Every case is a rule of the domain, never a storage problem.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field of the command is malformed or out of range.
    case invalidField(field: String, reason: String)
    case customerAlreadyRegistered(CustomerID)
    case customerNotFound(CustomerID)
    case complaintNotFound(ComplaintNumber)
    /// Every running number of a unit's day is used.
    case complaintNumbersExhausted(unit: String, day: String)
    /// A named business rule refused the command.
    case ruleViolation(rule: String, message: String)
    /// The request id was already used by a different request.
    case requestIDReused(String)

    /// One sentence: what failed and what to do.
    public var description: String {
        switch self {
        case .invalidField(let field, let reason): return "\(field) \(reason)"
        case .customerAlreadyRegistered(let id): return "customer \(id) is already registered"
        case .customerNotFound(let id): return "customer \(id) is not registered; register it first"
        case .complaintNotFound(let number): return "complaint \(number) does not exist"
        case .complaintNumbersExhausted(let unit, let day):
            return "all complaint numbers of unit \(unit) for \(day) are used; raise policy.complaints.number_digits"
        case .ruleViolation(_, let message): return message
        case .requestIDReused(let id):
            return "requestId \(id) was already used by a different request; send a new id for a new request"
        }
    }

    /// Whether the thing asked about does not exist (as opposed to a rule refusing the command).
    public var isNotFound: Bool {
        switch self {
        case .customerNotFound, .complaintNotFound: return true
        default: return false
        }
    }

    /// The stable name of the rule that refused the command (`nil` for malformed input and
    /// lookups of things that do not exist).
    public var rule: String? {
        switch self {
        case .invalidField, .customerNotFound, .complaintNotFound: return nil
        case .customerAlreadyRegistered: return "customer.unique_id"
        case .complaintNumbersExhausted: return "complaint.number_capacity"
        case .ruleViolation(let rule, _): return rule
        case .requestIDReused: return "request.unique_id"
        }
    }

    /// Machine-readable facts for the wire `details`.
    public var details: [String: String] {
        var details: [String: String]
        switch self {
        case .invalidField(let field, _): details = ["field": field]
        case .customerAlreadyRegistered(let id), .customerNotFound(let id): details = ["customer": id.rawValue]
        case .complaintNotFound(let number): details = ["complaint": number.rawValue]
        case .complaintNumbersExhausted(let unit, let day): details = ["unit": unit, "day": day]
        case .ruleViolation: details = [:]
        case .requestIDReused(let id): details = ["requestId": id]
        }
        if let rule = self.rule { details["rule"] = rule }
        return details
    }
}
