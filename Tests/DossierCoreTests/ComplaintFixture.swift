import DossierCore

/// A complaint taken through its lifecycle in memory: each step is decided by the rules and
/// folded into the state, as the store does on the writer.
struct ComplaintFixture {
    var policy = Policy()
    var state: ComplaintState
    /// The log's time: each step happens a minute after the one before.
    var now: Timestamp
    var sequence: UInt64 = 1

    static let handler = Actor(uid: 1001, user: "wang.li")
    static let approver = Actor(uid: 1002, user: "zhao.min")

    /// A complaint filed at `receivedAt` (Monday 2024-03-04 10:00 in Shanghai by default).
    init(
        type: ComplaintType = .quality, level: ComplaintLevel = .l3, customer: String? = "C-001",
        receivedAt: String = "2024-03-04T10:00:00+08:00", policy: Policy = Policy(), claim: DecimalAmount? = nil
    ) throws {
        self.policy = policy
        let received = try instant(receivedAt)
        let command = FileComplaint(
            customer: customer.map { CustomerID(rawValue: $0) }, type: type, channel: .phone, level: level,
            subject: "card fees", anonymous: customer == nil, receivedAt: received, claim: claim)
        let filed = try ComplaintDecisions.file(
            command,
            context: .init(
                customer: customer.map { registeredCustomer($0) }, lastRunningNumber: 0, receiver: Self.handler,
                now: received),
            policy: policy)
        self.now = received
        self.state = ComplaintState.apply(
            nil, .complaint(.filed(filed)),
            at: EventMetadata(sequence: 1, version: 1, occurredAt: received, recordedAt: received, actor: Self.handler))!
    }

    /// Decides `step` by `actor` a minute (or `minutes`) after the last one and folds it in.
    @discardableResult
    mutating func take(
        _ step: ComplaintStep, by actor: Actor = Self.handler, after minutes: Int = 1
    ) throws(DomainError)
        -> ComplaintEvent
    {
        let at = self.now.adding(minutes: minutes)
        let decision = try ComplaintHandling.decide(
            HandleComplaint(number: self.state.number, step: step), state: self.state, actor: actor, now: at,
            policy: self.policy)
        guard case .complaint(let event) = decision.events[0].event else {
            preconditionFailure("not a complaint event")
        }
        self.now = at
        self.sequence += 1
        self.state = ComplaintState.apply(
            self.state, decision.events[0].event,
            at: EventMetadata(
                sequence: self.sequence, version: self.state.version + 1, occurredAt: at, recordedAt: at, actor: actor))!
        return event
    }

    /// Takes the steps that lead from `received` to `status`.
    mutating func advance(to status: ComplaintStatus) throws {
        let path: [(ComplaintStatus, ComplaintStep)] = [
            (.acknowledged, .acknowledge(note: "")), (.assigned, .assign(to: "li.na", note: "")),
            (.investigating, .investigate(note: "")), (.temporaryMeasure, .temporaryMeasure(measure: "fee refunded")),
            (.resolved, .resolve(result: "fee waived", satisfaction: .satisfied)),
            (.revisited, .revisit(satisfaction: .verySatisfied, note: "")),
        ]
        switch status {
        case .received: return
        case .rejected:
            try self.take(.reject(rule: .unverifiable, note: "no record"))
            return
        case .withdrawn:
            try self.take(.withdraw(reason: "settled"))
            return
        case .returned:
            try self.take(.returnOutOfScope(reason: "not ours"))
            return
        case .closed:
            try self.advance(to: .revisited)
            if self.policy.complaints.keepsEightD(self.state.type) {
                try self.take(.eightD(step: .d3, owner: "qa", on: nil, text: "contained"))
                try self.take(.eightD(step: .d5, owner: "qa", on: nil, text: "fixed"))
            }
            try self.take(.close(note: ""))
            return
        default: break
        }
        for (next, step) in path {
            try self.take(step)
            if next == status { return }
        }
    }
}
