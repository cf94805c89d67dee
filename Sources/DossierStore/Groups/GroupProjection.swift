import DossierCore
import LMDB

/// Group customers and the bank's net capital as the log says they are now.
///
/// - `groups`: group id -> `GroupState` (JSON).
/// - `group_of_customer`: customer id -> the id of the group it is a member of (removed when it
///   leaves): how a member's limit decision finds its group's ceiling.
/// - `net_capital`: `netcapital` -> `NetCapitalState` (JSON).
public enum GroupProjection: Projection {
    public static let name = "groups"
    static let groups = ProjectionTable("groups")
    static let groupOfCustomer = ProjectionTable("group_of_customer")
    static let netCapitalTable = ProjectionTable("net_capital")
    public static let tables = [Self.groups, Self.groupOfCustomer, Self.netCapitalTable]
    public static let version = 1

    static let netCapitalKey = Array(StreamID.netCapital.rawValue.utf8)

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .group(let groupEvent) = decoded else { return }
        guard let id = groupEvent.group else {
            let current = try read(Self.netCapitalTable, Self.netCapitalKey).map {
                try DossierJSON.decode(NetCapitalState.self, from: $0)
            }
            if let next = NetCapitalState.apply(current, decoded, at: EventMetadata(event)) {
                try write(Self.netCapitalTable, Self.netCapitalKey, try DossierJSON.encode(next))
            }
            return
        }
        let key = Array(id.rawValue.utf8)
        let current = try read(Self.groups, key).map { try DossierJSON.decode(GroupState.self, from: $0) }
        guard let next = GroupState.apply(current, decoded, at: EventMetadata(event)) else { return }
        try write(Self.groups, key, try DossierJSON.encode(next))
        switch groupEvent {
        case .memberAdded(let added): try write(Self.groupOfCustomer, Array(added.customer.rawValue.utf8), key)
        case .memberRemoved(let removed): try write(Self.groupOfCustomer, Array(removed.customer.rawValue.utf8), nil)
        default: break
        }
    }

    static func group(_ id: GroupID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable) throws
        -> GroupState?
    {
        try txn.withValue(tables[Self.groups], forKey: Array(id.rawValue.utf8)) { value in
            try value.map { try DossierJSON.decode(GroupState.self, from: $0) }
        }
    }

    /// The group `customer` is a member of.
    static func group(of customer: CustomerID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable)
        throws -> GroupID?
    {
        try txn.withValue(tables[Self.groupOfCustomer], forKey: Array(customer.rawValue.utf8)) { value in
            value.map { GroupID(rawValue: String(decoding: $0, as: UTF8.self)) }
        }
    }

    static func netCapital(tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable) throws
        -> NetCapitalState?
    {
        try txn.withValue(tables[Self.netCapitalTable], forKey: Self.netCapitalKey) { value in
            try value.map { try DossierJSON.decode(NetCapitalState.self, from: $0) }
        }
    }

    /// Groups in id order, starting after `after`.
    static func groups(
        after: GroupID?, limit: Int, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> [GroupState]
    {
        try txn.page(tables[Self.groups], after: after.map { Array($0.rawValue.utf8) }, limit: limit) {
            try DossierJSON.decode(GroupState.self, from: $0)
        }
    }
}

extension GroupState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> GroupState?
    {
        guard let id = stream.groupID else { return nil }
        return try GroupProjection.group(id, tables: tables, in: txn)
    }
}

extension NetCapitalState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> NetCapitalState?
    {
        guard stream == .netCapital else { return nil }
        return try GroupProjection.netCapital(tables: tables, in: txn)
    }
}
