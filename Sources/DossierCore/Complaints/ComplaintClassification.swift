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
    case phone, counter, letter, web, app, regulator
}

/// Severity, which sets the service level: L1 is the most urgent.
public enum ComplaintLevel: String, ClosedSet, Comparable {
    case l1 = "L1"
    case l2 = "L2"
    case l3 = "L3"
    case l4 = "L4"

    public static func < (lhs: ComplaintLevel, rhs: ComplaintLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a complaint is in its lifecycle.
public enum ComplaintStatus: String, ClosedSet {
    case received, acknowledged, assigned, investigating, resolved, revisited, closed, rejected, withdrawn

    /// Whether the complaint still needs work.
    public var isOpen: Bool {
        switch self {
        case .closed, .rejected, .withdrawn: return false
        default: return true
        }
    }
}
