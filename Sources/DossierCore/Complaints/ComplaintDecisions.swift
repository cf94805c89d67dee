/// The rules for receiving and handling complaints.
public enum ComplaintDecisions {
    /// What filing needs to know besides the command.
    public struct FilingContext: Sendable {
        /// The customer complained about, if registered.
        public var customer: CustomerState?
        /// The highest running number already used for the `numberingSeries` of this complaint (0: none).
        public var lastRunningNumber: Int
        public var receiver: Actor
        /// The recording time, used when the command gives no receiving time.
        public var now: Timestamp

        public init(
            customer: CustomerState?, lastRunningNumber: Int, receiver: Actor,
            now: Timestamp
        ) {
            self.customer = customer
            self.lastRunningNumber = lastRunningNumber
            self.receiver = receiver
            self.now = now
        }
    }

    /// The unit and local day whose running numbers a complaint filed now would continue.
    public static func numberingSeries(of command: FileComplaint, now: Timestamp, policy: Policy) -> (
        unit: String, day: LocalDate
    ) {
        (command.unit ?? policy.complaints.defaultUnit, policy.calendar.localDate(of: command.receivedAt ?? now))
    }

    /// Decides `FileComplaint`: numbers it and sets its response and resolution deadlines.
    public static func file(_ command: FileComplaint, context: FilingContext, policy: Policy) throws(DomainError)
        -> ComplaintFiled
    {
        guard context.customer != nil else { throw .customerNotFound(command.customer) }
        let subject = command.subject.trimmingWhitespace()
        guard !subject.isEmpty else {
            throw .ruleViolation(.complaintIdentifiableSubject, message: "a complaint needs a subject")
        }
        guard subject.count <= 200 else { throw .invalidField(field: "subject", reason: "must be at most 200 characters") }
        guard command.description.count <= 10_000 else {
            throw .invalidField(field: "description", reason: "must be at most 10000 characters")
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
        let serviceLevel = policy.complaints.serviceLevel(for: command.level)
        return ComplaintFiled(
            number: ComplaintNumber(unit: unit, day: day, running: running, digits: policy.complaints.numberDigits),
            customer: command.customer, type: command.type, channel: command.channel, level: command.level,
            subject: subject, description: command.description, anonymous: command.anonymous,
            indirect: command.indirect, unit: unit, receivedAt: receivedAt, incidentAt: command.incidentAt,
            receiver: context.receiver.user,
            respondBy: policy.calendar.deadline(from: receivedAt, after: serviceLevel.respondWithin),
            resolveBy: policy.calendar.deadline(from: receivedAt, after: serviceLevel.resolveWithin)
        )
    }
}
