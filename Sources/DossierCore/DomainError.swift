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

    /// One sentence: what failed and what to do.
    public var description: String {
        switch self {
        case .invalidField(let field, let reason): return "\(field) \(reason)"
        case .customerAlreadyRegistered(let id): return "customer \(id) is already registered"
        case .customerNotFound(let id): return "customer \(id) is not registered; register it first"
        case .complaintNotFound(let number): return "complaint \(number) does not exist"
        case .complaintNumbersExhausted(let unit, let day):
            return "all complaint numbers of unit \(unit) for \(day) are used; raise complaints.number_digits"
        case .ruleViolation(_, let message): return message
        }
    }

    /// Whether the thing asked about does not exist (as opposed to a rule refusing the command).
    public var isNotFound: Bool {
        switch self {
        case .customerNotFound, .complaintNotFound: return true
        default: return false
        }
    }

    /// Machine-readable facts for the wire `details`.
    public var details: [String: String] {
        switch self {
        case .invalidField(let field, _): return ["field": field]
        case .customerAlreadyRegistered(let id), .customerNotFound(let id): return ["customer": id.rawValue]
        case .complaintNotFound(let number): return ["complaint": number.rawValue]
        case .complaintNumbersExhausted(let unit, let day): return ["unit": unit, "day": day]
        case .ruleViolation(let rule, _): return ["rule": rule]
        }
    }
}
