/// Why a customer's pool stage changed.
public enum StageChangeReason: String, ClosedSet {
    /// Up one stage: prospect to active, active to key.
    case promoted
    /// The relationship is on hold: back to prospect.
    case paused
    /// The customer no longer qualifies for its stage: back to prospect.
    case demoted
}

/// Command: move a customer to another pool stage.
public struct ChangeStage: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var stage: PoolStage
    public var reason: StageChangeReason
    /// Free text: what led to it.
    public var note: String

    public init(customer: CustomerID, stage: PoolStage, reason: StageChangeReason, note: String = "") {
        self.customer = customer
        self.stage = stage
        self.reason = reason
        self.note = note
    }
}

/// Event: a customer moved to another pool stage; the event's actor is who moved it.
public struct CustomerStageChanged: EventPayload {
    public static let typeName = "CustomerStageChanged"
    public static let schemaVersion: UInt16 = 1

    public var customer: CustomerID
    public var from: PoolStage
    public var to: PoolStage
    public var reason: StageChangeReason
    public var note: String

    public init(customer: CustomerID, from: PoolStage, to: PoolStage, reason: StageChangeReason, note: String) {
        self.customer = customer
        self.from = from
        self.to = to
        self.reason = reason
        self.note = note
    }
}

extension ChangeStage: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .customer(.stageChanged(let changed)) = first else { return false }
        return changed.customer == self.customer && changed.to == self.stage && changed.reason == self.reason
            && changed.note == self.note
    }
}
