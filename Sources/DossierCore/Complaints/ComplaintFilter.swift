/// Which complaints a due list or search shows: every condition given must hold.
public struct ComplaintFilter: Hashable, Sendable {
    public var statuses: Set<ComplaintStatus> = []
    public var levels: Set<ComplaintLevel> = []
    public var types: Set<ComplaintType> = []
    public var channels: Set<ComplaintChannel> = []
    public var owner: String?
    public var unit: String?
    public var customer: CustomerID?
    /// The next deadline falls before this time.
    public var dueBefore: Timestamp?
    /// The next deadline has passed.
    public var overdue = false
    /// The response or the resolution missed its deadline (even if it came later).
    public var breached = false
    /// At risk: most of the next clock's time has passed.
    public var atRisk = false

    public init() {}

    public func matches(_ state: ComplaintState, due: ComplaintDue) -> Bool {
        if !self.statuses.isEmpty, !self.statuses.contains(state.status) { return false }
        if !self.levels.isEmpty, !self.levels.contains(state.level) { return false }
        if !self.types.isEmpty, !self.types.contains(state.type) { return false }
        if !self.channels.isEmpty, !self.channels.contains(state.channel) { return false }
        if let owner = self.owner, state.owner != owner { return false }
        if let unit = self.unit, state.unit != unit { return false }
        if let customer = self.customer, state.customer != customer { return false }
        if let before = self.dueBefore {
            guard let next = due.nextDeadline, next < before, !due.paused else { return false }
        }
        if self.overdue, !due.overdue { return false }
        if self.breached, !(due.responseBreached || due.resolutionBreached) { return false }
        if self.atRisk, !due.atRisk { return false }
        return true
    }

    /// Whether only the deadlines decide (no condition on the row's own fields).
    public var isEmpty: Bool { self == ComplaintFilter() }
}
