// The parts of a complaint's state that handling adds after filing.

/// An extension asked for and not decided yet.
public struct ExtensionRequest: Hashable, Sendable, Codable {
    public var requestedBy: String
    public var reason: String
    public var until: Timestamp
}

/// Responsibility and loss, as last recorded.
public struct ComplaintOutcome: Hashable, Sendable, Codable {
    public var responsibility: Responsibility
    public var ourSharePercent: Int
    public var loss: DecimalAmount?
}

/// The compensation last proposed, and what became of it.
public struct Compensation: Hashable, Sendable, Codable {
    public enum Decision: String, ClosedSet {
        case pending, approved, refused
    }

    public var kind: CompensationKind
    public var amount: DecimalAmount
    public var ourShare: DecimalAmount
    public var authorityNeeded: CompensationAuthority
    public var proposedBy: String
    public var decision: Decision
    public var decidedBy: String?

    public var isPending: Bool { self.decision == .pending }
}

/// One recorded step of an 8D record (the latest entry of each step counts).
public struct EightDEntry: Hashable, Sendable, Codable {
    public var step: EightDStep
    public var owner: String
    public var on: LocalDate
    public var text: String
}
