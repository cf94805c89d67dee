/// Individual person or corporate body.
public enum CustomerKind: String, ClosedSet {
    case individual
    case corporate
}

/// Where a customer stands in the bank's customer pool: prospect -> active -> key, and back to
/// prospect when paused or demoted.
public enum PoolStage: String, ClosedSet {
    case prospect
    case active
    case key

    /// The stage a promotion leads to; nil for key customers, who are at the top.
    public var promoted: PoolStage? {
        switch self {
        case .prospect: return .active
        case .active: return .key
        case .key: return nil
        }
    }
}

/// Customer tier (客户分层). Which tiers may only see their total credit go down (by default
/// adjusting, restricted and exit) is `CreditLimitPolicy.decreaseOnlyTiers`.
public enum CustomerTier: String, ClosedSet {
    case gold
    case focus
    case quality
    case ordinary
    case adjusting
    case restricted
    case exit

    /// The Chinese label used on the desk.
    public var displayName: String {
        switch self {
        case .gold: return "黄金"
        case .focus: return "重点"
        case .quality: return "优质"
        case .ordinary: return "一般"
        case .adjusting: return "调整"
        case .restricted: return "限制"
        case .exit: return "淘汰"
        }
    }
}
