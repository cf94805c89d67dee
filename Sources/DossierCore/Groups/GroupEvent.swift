/// The facts of the group streams: `group-<id>` for a group, `netcapital` for the bank's net
/// capital that every group's concentration is measured against.
public enum GroupEvent: EventFamily {
    case created(GroupCreated)
    case memberAdded(GroupMemberAdded)
    case memberRemoved(GroupMemberRemoved)
    case exclusionRecorded(GroupExclusionRecorded)
    case balanceRecorded(QuarterEndBalanceRecorded)
    case exposureRecorded(GroupExposureRecorded)
    case netCapitalSet(NetCapitalSet)

    public static let payloadTypes: [any EventPayload.Type] = [
        GroupCreated.self, GroupMemberAdded.self, GroupMemberRemoved.self, GroupExclusionRecorded.self,
        QuarterEndBalanceRecorded.self, GroupExposureRecorded.self, NetCapitalSet.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as GroupCreated: self = .created(event)
        case let event as GroupMemberAdded: self = .memberAdded(event)
        case let event as GroupMemberRemoved: self = .memberRemoved(event)
        case let event as GroupExclusionRecorded: self = .exclusionRecorded(event)
        case let event as QuarterEndBalanceRecorded: self = .balanceRecorded(event)
        case let event as GroupExposureRecorded: self = .exposureRecorded(event)
        case let event as NetCapitalSet: self = .netCapitalSet(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .created(let event): return event
        case .memberAdded(let event): return event
        case .memberRemoved(let event): return event
        case .exclusionRecorded(let event): return event
        case .balanceRecorded(let event): return event
        case .exposureRecorded(let event): return event
        case .netCapitalSet(let event): return event
        }
    }

    /// The group whose stream holds the event; nil for the net capital.
    public var group: GroupID? {
        switch self {
        case .created(let event): return event.group
        case .memberAdded(let event): return event.group
        case .memberRemoved(let event): return event.group
        case .exclusionRecorded(let event): return event.group
        case .balanceRecorded(let event): return event.group
        case .exposureRecorded(let event): return event.group
        case .netCapitalSet: return nil
        }
    }
}
