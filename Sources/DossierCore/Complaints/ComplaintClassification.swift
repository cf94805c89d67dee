/// What a complaint is about.
public enum ComplaintType: String, ClosedSet {
    case grievance, suggestion, quality, packaging, service, attitude, fees, product, other

    public var displayName: String {
        switch self {
        case .grievance: return "抱怨"
        case .suggestion: return "建议"
        case .quality: return "质量"
        case .packaging: return "包装"
        case .service: return "服务"
        case .attitude: return "态度"
        case .fees: return "收费"
        case .product: return "产品"
        case .other: return "其他"
        }
    }
}

/// How the complaint reached the bank.
public enum ComplaintChannel: String, ClosedSet {
    case phone, counter, letter, web, app, regulator, media
    case commentBook = "comment_book"
}

/// Whether one person complains or many together (群体投诉). A complaint filed as individual
/// becomes part of a group when it is linked to a group incident.
public enum ComplaintScope: String, ClosedSet {
    case individual, group
}

/// Severity, which sets the service level: L1 is the most urgent.
public enum ComplaintLevel: String, ClosedSet, Comparable {
    case l1 = "L1"
    case l2 = "L2"
    case l3 = "L3"
    case l4 = "L4"

    public static func < (lhs: ComplaintLevel, rhs: ComplaintLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this level is more urgent than `other` (L1 is more urgent than L2).
    public func isMoreUrgent(than other: ComplaintLevel) -> Bool { self < other }
}

/// Where a complaint is in its lifecycle (`ComplaintLifecycle` says which moves each allows).
public enum ComplaintStatus: String, ClosedSet {
    case received, acknowledged, assigned, investigating
    case temporaryMeasure = "temporary_measure"
    case resolved, revisited, closed, rejected, withdrawn
    /// Returned as out of scope, with a reason.
    case returned

    /// Whether the complaint still needs work.
    public var isOpen: Bool {
        switch self {
        case .closed, .rejected, .withdrawn, .returned: return false
        default: return true
        }
    }

    /// Whether the complaint has not been answered with a result yet.
    public var isUnresolved: Bool {
        switch self {
        case .received, .acknowledged, .assigned, .investigating, .temporaryMeasure: return true
        default: return false
        }
    }
}

/// The customer's satisfaction, asked at the reply and at the revisit.
public enum Satisfaction: String, ClosedSet {
    case verySatisfied = "very_satisfied"
    case satisfied
    case basicallySatisfied = "basically_satisfied"
    case dissatisfied
    case veryDissatisfied = "very_dissatisfied"

    public var displayName: String {
        switch self {
        case .verySatisfied: return "很满意"
        case .satisfied: return "满意"
        case .basicallySatisfied: return "基本满意"
        case .dissatisfied: return "不满意"
        case .veryDissatisfied: return "很不满意"
        }
    }
}
