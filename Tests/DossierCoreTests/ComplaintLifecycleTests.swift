import DossierCore
import Testing

/// Every move of the lifecycle, allowed and refused, from every state.
@Suite("ComplaintLifecycle: every transition, allowed and refused")
struct ComplaintLifecycleTests {
    /// What each state allows for a service complaint (no 8D) at L3, clock running, nothing pending.
    static let allowed: [ComplaintStatus: [ComplaintAction]] = [
        .received: [.acknowledge, .reject, .escalate, .withdraw, .return, .pause, .requestExtension],
        .acknowledged: [.assign, .reject, .escalate, .withdraw, .return, .pause, .requestExtension],
        .assigned: [.assign, .investigate, .reject, .escalate, .withdraw, .return, .pause, .requestExtension],
        .investigating: [
            .assign, .temporaryMeasure, .resolve, .reject, .escalate, .withdraw, .pause, .requestExtension,
            .recordOutcome, .proposeCompensation,
        ],
        .temporaryMeasure: [
            .assign, .resolve, .escalate, .withdraw, .pause, .requestExtension, .recordOutcome, .proposeCompensation,
        ],
        .resolved: [.revisit, .recordOutcome, .proposeCompensation],
        .revisited: [.close, .recordOutcome, .proposeCompensation],
        .closed: [.reopen],
        .rejected: [], .withdrawn: [], .returned: [],
    ]

    /// A step of each action with valid arguments.
    static func sample(_ action: ComplaintAction) -> ComplaintStep? {
        switch action {
        case .acknowledge: return .acknowledge(note: "called back")
        case .assign: return .assign(to: "chen.jing", note: "")
        case .investigate: return .investigate(note: "")
        case .temporaryMeasure: return .temporaryMeasure(measure: "fee refunded")
        case .resolve: return .resolve(result: "fee waived", satisfaction: .satisfied)
        case .revisit: return .revisit(satisfaction: .satisfied, note: "")
        case .close: return .close(note: "")
        case .reject: return .reject(rule: .unverifiable, note: "no trace of the call")
        case .escalate: return .escalate(to: .l1, reason: "press coverage")
        case .requestExtension:
            return .requestExtension(
                reason: "documents from abroad", customerConsent: true,
                until: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)
        case .decideExtension: return .decideExtension(grant: true, note: "")
        case .withdraw: return .withdraw(reason: "settled")
        case .return: return .returnOutOfScope(reason: "an insurer's product")
        case .pause: return .pause(reason: "waiting for the statement")
        case .resume: return .resume(note: "")
        case .reopen: return nil  // a command of its own (ReopenComplaint)
        case .eightD: return .eightD(step: .d3, owner: "qa", on: nil, text: "contained")
        case .recordOutcome: return .recordOutcome(responsibility: .ours, ourSharePercent: nil, loss: nil, note: "")
        case .proposeCompensation: return .proposeCompensation(kind: .payment, amount: DecimalAmount("100")!, note: "")
        case .decideCompensation: return .decideCompensation(approve: true, note: "", authority: .committee)
        }
    }

    static func status(after action: ComplaintAction, from status: ComplaintStatus) -> ComplaintStatus {
        switch action {
        case .acknowledge: return .acknowledged
        case .assign: return status == .acknowledged ? .assigned : status
        case .investigate: return .investigating
        case .temporaryMeasure: return .temporaryMeasure
        case .resolve: return .resolved
        case .revisit: return .revisited
        case .close: return .closed
        case .reject: return .rejected
        case .withdraw: return .withdrawn
        case .return: return .returned
        default: return status
        }
    }

    static let cases: [(ComplaintStatus, ComplaintAction)] = ComplaintStatus.allCases.flatMap { status in
        ComplaintAction.allCases.map { (status, $0) }
    }

    @Test(arguments: Self.cases)
    func eachActionFromEachState(status: ComplaintStatus, action: ComplaintAction) throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: status)
        #expect(complaint.state.status == status)
        let expected = Self.allowed[status]!
        #expect(ComplaintLifecycle.allowedActions(complaint.state, policy: complaint.policy.complaints) == expected)
        guard let step = Self.sample(action) else {
            // Reopen is checked by the lifecycle too.
            if expected.contains(action) {
                try ComplaintLifecycle.check(action, on: complaint.state, policy: complaint.policy.complaints)
            } else {
                #expect(throws: DomainError.self) {
                    try ComplaintLifecycle.check(action, on: complaint.state, policy: complaint.policy.complaints)
                }
            }
            return
        }
        if expected.contains(action) {
            try complaint.take(step, by: ComplaintFixture.approver)
            #expect(complaint.state.status == Self.status(after: action, from: status), "\(action) from \(status)")
        } else {
            let error = #expect(throws: DomainError.self) { try complaint.take(step) }
            #expect(error?.rule == .complaintLifecycle, "\(action) from \(status): \(String(describing: error))")
            #expect(error?.details["state"] == status.rawValue)
            #expect(error?.details["action"] == action.rawValue)
            #expect(error?.details["allowed"] == expected.map(\.rawValue).joined(separator: ","))
        }
    }

    @Test func aPausedClockAllowsResumeButNotResolveNorAnotherPause() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .investigating)
        try complaint.take(.pause(reason: "waiting for documents"))
        let allowed = ComplaintLifecycle.allowedActions(complaint.state, policy: complaint.policy.complaints)
        #expect(allowed.contains(.resume))
        #expect(!allowed.contains(.pause))
        #expect(!allowed.contains(.resolve))
        #expect(throws: DomainError.self) { try complaint.take(.resolve(result: "done", satisfaction: nil)) }
        try complaint.take(.resume(note: "documents arrived"))
        #expect(!complaint.state.isPaused)
        try complaint.take(.resolve(result: "done", satisfaction: nil))
        #expect(complaint.state.status == .resolved)
    }

    @Test func aPendingExtensionIsDecidedBeforeAnotherIsRequested() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.take(
            .requestExtension(reason: "abroad", customerConsent: true, until: try instant("2030-01-01T00:00:00Z")))
        let allowed = ComplaintLifecycle.allowedActions(complaint.state, policy: complaint.policy.complaints)
        #expect(allowed.contains(.decideExtension) && !allowed.contains(.requestExtension))
        let error = #expect(throws: DomainError.self) {
            try complaint.take(
                .requestExtension(reason: "again", customerConsent: true, until: try instant("2031-01-01T00:00:00Z")))
        }
        #expect(error?.rule == .complaintLifecycle)
    }

    @Test func pendingCompensationBlocksTheCloseUntilDecided() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .revisited)
        try complaint.take(.proposeCompensation(kind: .discount, amount: DecimalAmount("200")!, note: ""))
        let error = #expect(throws: DomainError.self) { try complaint.take(.close(note: "")) }
        #expect(error?.rule == .complaintLifecycle)
        #expect(error?.details["allowed"]?.contains("decide_compensation") == true)
        try complaint.take(
            .decideCompensation(approve: true, note: "", authority: .clerk), by: ComplaintFixture.approver)
        try complaint.take(.close(note: ""))
        #expect(complaint.state.status == .closed)
    }

    @Test func anAnonymousComplaintWithoutCustomerClosesAfterTheReply() throws {
        var complaint = try ComplaintFixture(type: .service, customer: nil)
        try complaint.advance(to: .resolved)
        #expect(
            ComplaintLifecycle.allowedActions(complaint.state, policy: complaint.policy.complaints).contains(.close))
        try complaint.take(.close(note: "no one to call back"))
        #expect(complaint.state.status == .closed)
    }

    @Test func anL1ComplaintCannotBeEscalatedFurther() throws {
        var complaint = try ComplaintFixture(type: .service, level: .l1)
        let error = #expect(throws: DomainError.self) { try complaint.take(.escalate(to: .l1, reason: "x")) }
        #expect(error?.rule == .complaintLifecycle)
    }

    @Test func aClosedComplaintNeverChangesAndReopensOnce() throws {
        var complaint = try ComplaintFixture(type: .service)
        try complaint.advance(to: .closed)
        for action in ComplaintAction.allCases where action != .reopen {
            guard let step = Self.sample(action) else { continue }
            #expect(throws: DomainError.self) { try complaint.take(step) }
        }
        var reopened = complaint.state
        reopened.reopenedAs = ComplaintNumber(rawValue: "HQ240305001")
        #expect(ComplaintLifecycle.allowedActions(reopened, policy: complaint.policy.complaints).isEmpty)
    }
}
