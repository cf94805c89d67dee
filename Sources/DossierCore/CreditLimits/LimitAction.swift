/// What a `LimitAction` does to a subject's limits.
public enum LimitActionKind: String, ClosedSet {
    /// Turn down the pending proposal.
    case reject
    /// Stop a limit from being drawn (it still counts as granted).
    case freeze
    /// Let a frozen limit be drawn again.
    case unfreeze
    /// End a limit for good.
    case revoke
}

/// Command: reject the pending proposal, or freeze, unfreeze or revoke an approved limit. Each
/// needs an approving authority and a reason.
public struct LimitAction: Hashable, Sendable, Codable {
    public var kind: LimitActionKind
    public var subject: CreditSubject
    /// The limit acted on; for a freeze, nil freezes every limit in force; unused for reject.
    public var number: Int?
    public var role: String?
    public var reason: String

    public init(_ kind: LimitActionKind, subject: CreditSubject, number: Int? = nil, role: String?, reason: String) {
        self.kind = kind
        self.subject = subject
        self.number = number
        self.role = role
        self.reason = reason
    }
}

/// Event: the pending limit proposal of a subject was rejected.
public struct CreditLimitRejected: EventPayload {
    public static let typeName = "CreditLimitRejected"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var subject: CreditSubject
    public var number: Int
    public var reason: String

    public init(subject: CreditSubject, number: Int, reason: String) {
        self.subject = subject
        self.number = number
        self.reason = reason
    }
}

/// The rating that froze a limit by default propagation.
public struct DefaultRating: Hashable, Sendable, Codable {
    public var scale: String
    public var grade: String

    public init(scale: String, grade: String) {
        self.scale = scale
        self.grade = grade
    }
}

/// Event: a limit was frozen: by a person, or by a default rating of the customer (linked to
/// the rating's event by one causation id).
public struct CreditLimitFrozen: EventPayload {
    public static let typeName = "CreditLimitFrozen"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var subject: CreditSubject
    public var number: Int
    public var reason: String
    /// Set when a default rating froze it.
    public var defaultRating: DefaultRating?

    public init(subject: CreditSubject, number: Int, reason: String, defaultRating: DefaultRating? = nil) {
        self.subject = subject
        self.number = number
        self.reason = reason
        self.defaultRating = defaultRating
    }
}

/// Event: a frozen limit may be drawn again.
public struct CreditLimitUnfrozen: EventPayload {
    public static let typeName = "CreditLimitUnfrozen"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var subject: CreditSubject
    public var number: Int
    public var reason: String

    public init(subject: CreditSubject, number: Int, reason: String) {
        self.subject = subject
        self.number = number
        self.reason = reason
    }
}

/// Event: a limit ended for good.
public struct CreditLimitRevoked: EventPayload {
    public static let typeName = "CreditLimitRevoked"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var subject: CreditSubject
    public var number: Int
    public var reason: String

    public init(subject: CreditSubject, number: Int, reason: String) {
        self.subject = subject
        self.number = number
        self.reason = reason
    }
}

extension LimitAction: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        let reason = self.reason.trimmingWhitespace()
        switch (self.kind, first) {
        case (.reject, .creditLimit(.rejected(let event))):
            return event.subject == self.subject && event.reason == reason
        case (.freeze, .creditLimit(.frozen(let event))):
            return event.subject == self.subject && event.reason == reason
                && (self.number ?? event.number) == event.number
        case (.unfreeze, .creditLimit(.unfrozen(let event))):
            return event.subject == self.subject && event.reason == reason && self.number == event.number
        case (.revoke, .creditLimit(.revoked(let event))):
            return event.subject == self.subject && event.reason == reason && self.number == event.number
        default:
            return false
        }
    }
}
