/// How a warning flag was resolved.
public enum FlagOutcome: String, ClosedSet {
    /// The customer settled what the flag was about (repaid, brought the guarantee, ...).
    case settled
    /// The flag should never have been recorded (wrong customer, a bureau error).
    case recordedInError = "recorded_in_error"
    /// The flag's retention period ended.
    case expired
    /// Anything else; the note says what.
    case other
}

/// One warning flag of a customer that is still open: its number within the customer (1 for
/// the first flag ever recorded), what it is, and when it was observed.
public struct CustomerFlag: Hashable, Sendable, Codable {
    public var number: Int
    public var kind: FlagKind
    public var observedOn: LocalDate

    public init(number: Int, kind: FlagKind, observedOn: LocalDate) {
        self.number = number
        self.kind = kind
        self.observedOn = observedOn
    }
}

/// Command: record that an open warning flag of a customer was resolved.
public struct ResolveFlag: Hashable, Sendable, Codable {
    public var customer: CustomerID
    /// The flag's number within the customer (`CustomerFlag.number`).
    public var flag: Int
    public var outcome: FlagOutcome
    /// When it was resolved; the recording day when absent.
    public var resolvedOn: LocalDate?
    public var note: String

    public init(customer: CustomerID, flag: Int, outcome: FlagOutcome, resolvedOn: LocalDate? = nil, note: String = "") {
        self.customer = customer
        self.flag = flag
        self.outcome = outcome
        self.resolvedOn = resolvedOn
        self.note = note
    }
}

/// Event: an open warning flag of a customer was resolved. The flag stays in the history;
/// it no longer counts as open.
public struct CustomerFlagResolved: EventPayload {
    public static let typeName = "CustomerFlagResolved"
    public static let schemaVersion: UInt16 = 1
    /// Part of the bad record: confidential like the flag itself.
    public static let isConfidential = true

    public var customer: CustomerID
    public var flag: Int
    public var kind: FlagKind
    public var outcome: FlagOutcome
    public var resolvedOn: LocalDate
    public var note: String

    public init(customer: CustomerID, flag: Int, kind: FlagKind, outcome: FlagOutcome, resolvedOn: LocalDate, note: String) {
        self.customer = customer
        self.flag = flag
        self.kind = kind
        self.outcome = outcome
        self.resolvedOn = resolvedOn
        self.note = note
    }
}

extension ResolveFlag: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .customer(.flagResolved(let resolved)) = first else { return false }
        return resolved.customer == self.customer && resolved.flag == self.flag && resolved.outcome == self.outcome
            && resolved.note == self.note && (self.resolvedOn == nil || self.resolvedOn == resolved.resolvedOn)
    }
}
