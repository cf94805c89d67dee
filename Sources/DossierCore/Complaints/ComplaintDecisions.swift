/// The rules for receiving complaints: numbering, classification, automatic rejections and
/// group incidents.
public enum ComplaintDecisions {
    /// What filing needs to know besides the command.
    public struct FilingContext: Sendable {
        /// The customer complained about, if registered.
        public var customer: CustomerState?
        /// The highest running number already used in the complaint's running count (0: none).
        public var lastRunningNumber: Int
        public var receiver: Actor
        /// The recording time, used when the command gives no receiving time.
        public var now: Timestamp
        /// The customer's complaints the duplicate rule looks at (it takes an open one about
        /// the same subject): the store passes those about the same subject, of any time.
        public var complaintsOfCustomer: [ComplaintState]
        /// Complaints about the same subject received around the same time (for group
        /// incidents); the decision keeps those within the window.
        public var sameSubject: [ComplaintState]
        /// The latest group incident about the subject, if any.
        public var incident: GroupIncidentState?
        /// Whether the number the count gives next is already used (after a pattern change).
        public var nextNumberTaken: Bool

        public init(
            customer: CustomerState?, lastRunningNumber: Int, receiver: Actor, now: Timestamp,
            complaintsOfCustomer: [ComplaintState] = [], sameSubject: [ComplaintState] = [],
            incident: GroupIncidentState? = nil, nextNumberTaken: Bool = false
        ) {
            self.customer = customer
            self.lastRunningNumber = lastRunningNumber
            self.receiver = receiver
            self.now = now
            self.complaintsOfCustomer = complaintsOfCustomer
            self.sameSubject = sameSubject
            self.incident = incident
            self.nextNumberTaken = nextNumberTaken
        }
    }

    /// The unit and local day a complaint filed now is numbered by.
    public static func numberingSeries(
        of command: FileComplaint, now: Timestamp, policy: Policy
    ) -> (
        unit: String, day: LocalDate
    ) {
        (command.unit ?? policy.complaints.defaultUnit, policy.calendar.localDate(of: command.receivedAt ?? now))
    }

    /// The running count (`ComplaintPolicy.numberingSeries`) a complaint filed now continues.
    public static func runningCount(of command: FileComplaint, now: Timestamp, policy: Policy) -> String {
        let (unit, day) = Self.numberingSeries(of: command, now: now, policy: policy)
        return policy.complaints.numberingSeries(unit: unit, day: day)
    }

    /// The number a complaint filed now gets when its count stands at `lastRunningNumber`.
    public static func nextNumber(
        of command: FileComplaint, lastRunningNumber: Int, now: Timestamp, policy: Policy
    )
        -> ComplaintNumber
    {
        let (unit, day) = Self.numberingSeries(of: command, now: now, policy: policy)
        return policy.complaints.complaintNumber(unit: unit, day: day, running: lastRunningNumber + 1)
    }

    /// Decides `FileComplaint` alone: numbers it and sets its deadlines under the policy's
    /// service level, recording which.
    public static func file(
        _ command: FileComplaint, context: FilingContext, policy: Policy
    ) throws(DomainError)
        -> ComplaintFiled
    {
        if let customer = command.customer {
            guard context.customer != nil else { throw .customerNotFound(customer) }
        } else if !command.anonymous {
            throw .invalidField(field: "customer", reason: "is required unless the complaint is anonymous")
        }
        let subject = command.subject.trimmingWhitespace()
        guard !subject.isEmpty else {
            throw .ruleViolation(.complaintIdentifiableSubject, message: "a complaint needs a subject")
        }
        guard subject.count <= 200 else {
            throw .invalidField(field: "subject", reason: "must be at most 200 characters")
        }
        guard command.description.count <= 10_000 else {
            throw .invalidField(field: "description", reason: "must be at most 10000 characters")
        }
        if let external = command.externalID {
            guard (1...64).contains(external.count), !external.contains(where: \.isNewline) else {
                throw .invalidField(field: "externalId", reason: "must be 1 to 64 characters on one line")
            }
        }
        let (unit, day) = Self.numberingSeries(of: command, now: context.now, policy: policy)
        guard policy.complaints.isValidUnit(unit) else {
            throw .invalidField(field: "unit", reason: "must be \(policy.complaints.unitLength) capital letters")
        }
        let receivedAt = command.receivedAt ?? context.now
        guard receivedAt <= context.now.adding(minutes: 5) else {
            throw .invalidField(field: "receivedAt", reason: "must not be in the future")
        }
        if let incidentAt = command.incidentAt, incidentAt > receivedAt {
            throw .invalidField(field: "incidentAt", reason: "must not be after receivedAt")
        }

        let running = context.lastRunningNumber + 1
        guard running <= policy.complaints.maximumRunningNumber else {
            throw .complaintNumbersExhausted(unit: unit, day: day.description)
        }
        let number = policy.complaints.complaintNumber(unit: unit, day: day, running: running)
        guard !context.nextNumberTaken else {
            throw .ruleViolation(
                .complaintUniqueNumber,
                message: "complaint number \(number) is already used; change policy.complaints.number_pattern back "
                    + "or make it include the period and unit it counts in",
                details: ["complaint": number.rawValue])
        }
        let basis = policy.deadlineBasis(
            level: command.level, foreign: command.foreign, eightD: policy.complaints.keepsEightD(command.type))
        let deadlines = policy.deadlines(from: receivedAt, basis: basis)
        return ComplaintFiled(
            number: number, customer: command.customer, type: command.type, channel: command.channel,
            level: command.level, subject: subject, description: command.description, anonymous: command.anonymous,
            indirect: command.indirect, unit: unit, receivedAt: receivedAt, incidentAt: command.incidentAt,
            receiver: context.receiver.user, respondBy: deadlines.respondBy, resolveBy: deadlines.resolveBy,
            scope: command.scope, foreign: command.foreign, externalId: command.externalID, claim: command.claim,
            series: policy.complaints.numberingSeries(unit: unit, day: day), running: running,
            temporaryMeasureBy: deadlines.temporaryMeasureBy, closeBy: deadlines.closeBy, basis: basis,
            reopenedFrom: command.reopenedFrom)
    }

    /// Decides `FileComplaint` with everything filing sets off: a complaint the data shows to
    /// be invalid (a late attitude complaint, a duplicate of an open one) is filed and rejected
    /// at once, citing the rule; otherwise one that makes or joins a group incident is linked
    /// to it, with the incident's stream and every linked complaint's stream in one decision.
    public static func filing(
        _ command: FileComplaint, context: FilingContext, policy: Policy
    ) throws(DomainError)
        -> Decision
    {
        let filed = try Self.file(command, context: context, policy: policy)
        let at = filed.receivedAt
        var own: [Decision.Event] = [Decision.Event(.complaint(.filed(filed)), occurredAt: at)]
        if let rejected = Self.automaticRejection(of: filed, context: context, policy: policy) {
            own.append(Decision.Event(.complaint(.rejected(rejected)), occurredAt: at))
            return Decision([Decision.Append(to: .complaint(filed.number), expected: .noStream, own)])
        }
        let group = GroupIncidentDecisions.link(filed, context: context, policy: policy)
        own += group.own.map { Decision.Event(.complaint($0), occurredAt: at) }
        return Decision([Decision.Append(to: .complaint(filed.number), expected: .noStream, own)] + group.others)
    }

    /// The rejection the data decides at filing, if any.
    static func automaticRejection(
        of filed: ComplaintFiled, context: FilingContext, policy: Policy
    ) -> ComplaintRejected? {
        let complaints = policy.complaints
        if complaints.invalidRules.contains(.lateAttitude), filed.type == .attitude, let incidentAt = filed.incidentAt,
            policy.calendar.deadline(from: incidentAt, after: complaints.lateAttitudeAfter) < filed.receivedAt
        {
            return ComplaintRejected(
                number: filed.number, rule: InvalidComplaintRule.lateAttitude.rule.id,
                note: "attitude complaint raised more than \(complaints.lateAttitudeAfter) after the event",
                automatic: true,
                facts: ["incidentAt": incidentAt.iso8601, "lateAfter": complaints.lateAttitudeAfter.description])
        }
        if complaints.invalidRules.contains(.duplicate), filed.customer != nil {
            let key = ComplaintSubject.key(filed.subject)
            if let original = context.complaintsOfCustomer.first(where: {
                $0.status.isOpen && $0.number != filed.number && ComplaintSubject.key($0.subject) == key
            }) {
                return ComplaintRejected(
                    number: filed.number, rule: InvalidComplaintRule.duplicate.rule.id,
                    note: "duplicate of open complaint \(original.number)", automatic: true,
                    facts: ["duplicateOf": original.number.rawValue])
            }
        }
        return nil
    }

    /// Decides `ReopenComplaint`: the closed complaint gets a new complaint, filed now with its
    /// classification and linked both ways; the closed one only gains the link.
    public static func reopen(
        _ command: ReopenComplaint, original: ComplaintState?, context: FilingContext, policy: Policy
    ) throws(DomainError) -> Decision {
        guard let original else { throw .complaintNotFound(command.number) }
        try ComplaintLifecycle.check(.reopen, on: original, policy: policy.complaints)
        let reason = command.reason.trimmingWhitespace()
        guard !reason.isEmpty, reason.count <= 10_000 else {
            throw .invalidField(field: "reason", reason: "must be 1 to 10000 characters")
        }
        let filing = try Self.filing(
            Self.reopening(command, original: original), context: context, policy: policy)
        guard let first = filing.appends.first, case .complaint(.filed(let filed)) = first.events.first?.event else {
            return filing
        }
        let link = Decision.Event(
            .complaint(.reopened(ComplaintReopened(number: original.number, reopenedAs: filed.number, reason: reason))),
            occurredAt: filed.receivedAt)
        var appends = filing.appends
        appends.insert(
            Decision.Append(to: .complaint(original.number), expected: .exact(original.version), [link]), at: 1)
        return Decision(appends)
    }

    /// The filing a reopen makes: the original's classification, the reason as description.
    public static func reopening(_ command: ReopenComplaint, original: ComplaintState) -> FileComplaint {
        FileComplaint(
            customer: original.customer, type: original.type, channel: original.channel,
            level: command.level ?? original.level, subject: original.subject,
            description: command.reason.trimmingWhitespace(), anonymous: original.anonymous,
            indirect: original.indirect, unit: original.unit, receivedAt: command.receivedAt, incidentAt: nil,
            scope: original.scope, foreign: original.foreign, claim: original.claim, reopenedFrom: original.number)
    }
}
