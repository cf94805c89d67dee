/// Command: withdraw the pending rating proposal of a customer on a scale (the rater taking it
/// back, or a checker turning it down); the active rating stays.
public struct WithdrawRatingProposal: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var scale: String
    public var reason: String

    public init(customer: CustomerID, scale: String, reason: String) {
        self.customer = customer
        self.scale = scale
        self.reason = reason
    }
}

/// Event: a pending rating proposal was withdrawn; the event's actor is who withdrew it.
public struct RatingProposalWithdrawn: EventPayload {
    public static let typeName = "RatingProposalWithdrawn"
    public static let schemaVersion: UInt16 = 1
    public static let isConfidential = true

    public var customer: CustomerID
    public var scale: String
    /// The grade that was proposed.
    public var grade: String
    public var reason: String

    public init(customer: CustomerID, scale: String, grade: String, reason: String) {
        self.customer = customer
        self.scale = scale
        self.grade = grade
        self.reason = reason
    }
}

extension WithdrawRatingProposal: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .rating(.proposalWithdrawn(let withdrawn)) = first else { return false }
        return withdrawn.customer == self.customer && withdrawn.scale == self.scale
            && withdrawn.reason == self.reason.trimmingWhitespace()
    }
}
