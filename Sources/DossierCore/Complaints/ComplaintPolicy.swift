/// Complaint numbering, service levels and the numbers of the complaint rules. Defaults follow
/// DOMAIN.md; every value is configurable (`[policy.complaints]`).
public struct ComplaintPolicy: Hashable, Sendable {
    // MARK: Numbering

    /// The unit code used when a complaint names none.
    public var defaultUnit: String = "HQ"
    /// Length of a unit code (capital letters).
    public var unitLength: Int = 2
    /// Digits of the running number when the pattern writes `{seq}` (3 gives 001 to 999).
    public var numberDigits: Int = 3
    public var numberPattern: NumberingPattern = .standard
    public var numberReset: NumberReset = .day
    public var numberScope: NumberScope = .unit

    // MARK: Service levels

    /// Respond, resolve and temporary-measure clocks per level, from receipt. A major
    /// complaint (L1, L2) needs a temporary measure within 8 working hours.
    public var l1 = ServiceLevel(
        respondWithin: .minutes(30), resolveWithin: .hours(2), temporaryMeasureWithin: .workingHours(8))
    public var l2 = ServiceLevel(
        respondWithin: .hours(4), resolveWithin: .hours(12), temporaryMeasureWithin: .workingHours(8))
    public var l3 = ServiceLevel(respondWithin: .hours(24), resolveWithin: .workingDays(5))
    public var l4 = ServiceLevel(respondWithin: .workingDays(5), resolveWithin: .workingDays(10))
    /// The follow-up call, after the reply.
    public var revisitAfter: ServiceDuration = .days(15)
    /// Close within, from receipt: domestic and foreign complainants, and 8D (quality) complaints.
    public var closeDomestic: ServiceDuration = .days(15)
    public var closeForeign: ServiceDuration = .days(20)
    public var closeEightD: ServiceDuration = .months(1)
    /// A clock counts as at risk once this share of its time (in percent) has passed.
    public var atRiskPercent: Int = 75

    // MARK: Escalation suggestions (the due list)

    /// Suggest escalating a complaint still unresolved this long after receipt.
    public var escalateUnresolvedAfter: ServiceDuration = .days(3)
    /// Suggest escalating a complaint whose claim is above this amount.
    public var escalateClaimOver: DecimalAmount = DecimalAmount(hundredths: 5_000_000)

    // MARK: Invalid complaints

    /// The rules of invalid complaints a rejection may cite.
    public var invalidRules: Set<InvalidComplaintRule> = Set(InvalidComplaintRule.allCases)
    /// An attitude complaint raised more than this long after the event is invalid.
    public var lateAttitudeAfter: ServiceDuration = .months(1)

    // MARK: Group complaints

    /// The distinct customers complaining about one subject within `groupWindow` that make a
    /// group incident.
    public var groupCustomers: Int = 5
    public var groupWindow: ServiceDuration = .days(7)
    /// The level a group incident's complaints are raised to (when less urgent).
    public var groupLevel: ComplaintLevel = .l2
    /// Whether a group incident must be reported to the local regulator, and by when.
    public var groupReportToRegulator: Bool = true
    public var groupReportWithin: ServiceDuration = .hours(24)

    // MARK: 8D

    /// Complaint types handled with an 8D record.
    public var eightDTypes: Set<ComplaintType> = [.quality]
    /// How long the customer's quality is tracked after D8.
    public var eightDTracking: ServiceDuration = .months(2)

    // MARK: Compensation

    /// The largest amount a clerk's and a manager's authority approves; above: the committee.
    public var clerkApprovesUpTo: DecimalAmount = DecimalAmount(hundredths: 500_000)
    public var managerApprovesUpTo: DecimalAmount = DecimalAmount(hundredths: 5_000_000)
    /// The authority each role (by name) holds; a role not listed approves nothing.
    public var compensationAuthority: [String: CompensationAuthority] = [
        "clerk": .clerk, "approver": .manager, "admin": .committee,
    ]

    // MARK: Statistics

    /// A customer with at least this many complaints in a period is a repeat complainer.
    public var repeatComplainerMinimum: Int = 2

    public init() {}

    public var maximumRunningNumber: Int {
        var maximum = 1
        for _ in 0..<self.numberPattern.digits(default: self.numberDigits) { maximum *= 10 }
        return maximum - 1
    }

    public func isValidUnit(_ unit: String) -> Bool {
        unit.utf8.count == self.unitLength
            && unit.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    public func serviceLevel(for level: ComplaintLevel) -> ServiceLevel {
        switch level {
        case .l1: return self.l1
        case .l2: return self.l2
        case .l3: return self.l3
        case .l4: return self.l4
        }
    }

    /// The service level of `level`, to read or replace.
    public subscript(serviceLevel level: ComplaintLevel) -> ServiceLevel {
        get { self.serviceLevel(for: level) }
        set {
            switch level {
            case .l1: self.l1 = newValue
            case .l2: self.l2 = newValue
            case .l3: self.l3 = newValue
            case .l4: self.l4 = newValue
            }
        }
    }

    /// The authority compensation of `amount` needs.
    public func authorityNeeded(for amount: DecimalAmount) -> CompensationAuthority {
        if amount <= self.clerkApprovesUpTo { return .clerk }
        if amount <= self.managerApprovesUpTo { return .manager }
        return .committee
    }

    /// Whether complaints of `type` keep an 8D record.
    public func keepsEightD(_ type: ComplaintType) -> Bool { self.eightDTypes.contains(type) }
}
