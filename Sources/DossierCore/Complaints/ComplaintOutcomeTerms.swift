/// Who caused what the complaint is about.
public enum Responsibility: String, ClosedSet {
    case ours
    case customer
    case thirdParty = "third_party"
}

/// What the customer is given.
public enum CompensationKind: String, ClosedSet {
    case payment, discount, replacement
    case `return`
}

/// Who may approve compensation up to which amount (defaults: clerk up to 5,000, manager up
/// to 50,000, above that the committee). Roles map to authorities in
/// `policy.complaints.compensation.authority`.
public enum CompensationAuthority: String, ClosedSet, Comparable {
    case clerk, manager, committee

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: CompensationAuthority, rhs: CompensationAuthority) -> Bool { lhs.rank < rhs.rank }
}

/// The steps of an 8D record for a quality complaint.
public enum EightDStep: String, ClosedSet, Comparable {
    case d0 = "D0"
    case d1 = "D1"
    case d2 = "D2"
    case d3 = "D3"
    case d4 = "D4"
    case d5 = "D5"
    case d6 = "D6"
    case d7 = "D7"
    case d8 = "D8"

    public var title: String {
        switch self {
        case .d0: return "prepare"
        case .d1: return "team"
        case .d2: return "problem description"
        case .d3: return "containment (temporary measure)"
        case .d4: return "root cause"
        case .d5: return "permanent corrective action"
        case .d6: return "implementation and verification"
        case .d7: return "prevention"
        case .d8: return "closure and recognition"
        }
    }

    public static func < (lhs: EightDStep, rhs: EightDStep) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The rules of practice that make a complaint invalid, and the duplicate of an open one.
/// A rejection records which applied (`ComplaintRejected.rule`, e.g.
/// `complaint.invalid_late_attitude`); never a silent refusal.
public enum InvalidComplaintRule: String, ClosedSet {
    /// (1) The facts differ from the complaint and the fault is the complainant's.
    case complainantFault = "complainant_fault"
    /// (2) Demands beyond what was promised or what rules allow.
    case excessiveDemand = "excessive_demand"
    /// (3) Provocation or threats.
    case provocation
    /// (4) Anonymous with no facts, or the main facts not established.
    case anonymousWithoutFacts = "anonymous_without_facts"
    /// (5) Cannot be verified.
    case unverifiable
    /// (6) An attitude complaint raised more than `late_attitude_after` after the event:
    /// decided automatically at filing.
    case lateAttitude = "late_attitude"
    /// A duplicate of an open complaint of the same customer about the same subject: decided
    /// automatically at filing.
    case duplicate

    /// The rule as the catalogue names it.
    public var rule: Rule {
        switch self {
        case .complainantFault: return .invalidComplainantFault
        case .excessiveDemand: return .invalidExcessiveDemand
        case .provocation: return .invalidProvocation
        case .anonymousWithoutFacts: return .invalidAnonymousWithoutFacts
        case .unverifiable: return .invalidUnverifiable
        case .lateAttitude: return .invalidLateAttitude
        case .duplicate: return .invalidDuplicate
        }
    }

    /// The rule whose id is `id` (`complaint.invalid_duplicate`) or short name (`duplicate`).
    public init?(ruleID id: String) {
        let short = id.hasPrefix("complaint.invalid_") ? String(id.dropFirst("complaint.invalid_".count)) : id
        self.init(rawValue: short)
    }
}
