/// How a member belongs to a group.
public enum GroupRelation: String, ClosedSet {
    /// More than 50% of the voting capital, or control by agreement or articles.
    case control
    case jointControl = "joint_control"
    case significantInfluence = "significant_influence"
    /// A close relative of the controller.
    case closeRelative = "close_relative"
}

/// Why an entity related to a group is recorded as not being its member.
public enum ExclusionReason: String, ClosedSet {
    /// A state-owned parent (e.g. an asset supervision commission) without real control.
    case stateOwnedWithoutControl = "state_owned_without_control"
    case other
}

/// Credit exposures to a member besides its limits, counted in the group's exposure when
/// recorded.
public enum ExposureKind: String, ClosedSet {
    case bond
    case derivative
}
