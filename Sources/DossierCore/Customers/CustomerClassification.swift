/// Individual person or corporate body.
public enum CustomerKind: String, ClosedSet {
    case individual
    case corporate
}

/// Where a customer stands in the bank's customer pool.
public enum PoolStage: String, ClosedSet {
    case prospect
    case active
    case key
}

/// Customer tier (客户分层). Restricted and exit tiers may only see their total credit go down.
public enum CustomerTier: String, ClosedSet {
    case gold
    case focus
    case quality
    case ordinary
    case restricted
    case exit

    /// The Chinese label used on the desk.
    public var displayName: String {
        switch self {
        case .gold: return "黄金"
        case .focus: return "重点"
        case .quality: return "优质"
        case .ordinary: return "一般"
        case .restricted: return "限制"
        case .exit: return "淘汰"
        }
    }
}
