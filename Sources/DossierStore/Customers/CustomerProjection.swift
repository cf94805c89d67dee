import DossierCore
import LMDB

/// Customers as the log says they are now.
///
/// - `customers`: customer id -> `CustomerState` (`CustomerRowCodec`), in id order for paging.
/// - `customers_by_open_flag`: flag kind || 0x00 || customer id -> how many flags of that kind
///   the customer has open (u64, big-endian); the row goes when the last one is resolved, so a
///   scan of one kind finds exactly the customers with such a flag open.
public enum CustomerProjection: Projection {
    public static let name = "customers"
    static let customers = ProjectionTable("customers")
    static let byOpenFlag = ProjectionTable("customers_by_open_flag")
    public static let tables = [Self.customers, Self.byOpenFlag]
    public static let version = 4

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .customer(let customerEvent) = decoded else { return }
        let id = customerEvent.customer
        let key = Self.key(id)
        let current = try read(Self.customers, key).map { try CustomerRowCodec.decode($0) }
        if let next = CustomerState.apply(current, decoded, at: EventMetadata(event)) {
            try write(Self.customers, key, CustomerRowCodec.encode(next))
        }
        switch customerEvent {
        case .flagged(let flagged) where current != nil:
            try Self.countOpenFlag(of: id, kind: flagged.kind, by: 1, read: read, write: write)
        case .flagResolved(let resolved) where current?.flags.contains(where: { $0.number == resolved.flag }) == true:
            try Self.countOpenFlag(of: id, kind: resolved.kind, by: -1, read: read, write: write)
        default:
            break
        }
    }

    /// Adds `change` to the customer's count of open flags of `kind`, removing the row at zero.
    private static func countOpenFlag(
        of id: CustomerID, kind: FlagKind, by change: Int, read: ReadRow, write: WriteRow
    ) throws {
        let key = Self.openFlagKey(kind: kind, id)
        let count = try read(Self.byOpenFlag, key).flatMap { row in row.withUnsafeBytes { UInt64(bigEndianBytes: $0) } }
        let next = max(0, Int(count ?? 0) + change)
        try write(Self.byOpenFlag, key, next == 0 ? nil : UInt64(next).bigEndianBytes)
    }

    static func openFlagKey(kind: FlagKind, _ id: CustomerID) -> [UInt8] {
        Array(kind.rawValue.utf8) + [0] + Self.key(id)
    }

    static func key(_ id: CustomerID) -> [UInt8] { Array(id.rawValue.utf8) }

    /// The customer's row, as `txn` sees it.
    static func customer(_ id: CustomerID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable) throws
        -> CustomerState?
    {
        try txn.withValue(tables[Self.customers], forKey: Self.key(id)) { value in
            try value.map { try CustomerRowCodec.decode($0) }
        }
    }

    /// Customers in id order, starting after `after`.
    static func customers(
        after: CustomerID?, limit: Int, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> [CustomerState] {
        try txn.page(tables[Self.customers], after: after.map(Self.key), limit: limit) { try CustomerRowCodec.decode($0) }
    }

    /// Customers with at least one open flag of `kind`, in id order, starting after `after`.
    static func customers(
        withOpenFlag kind: FlagKind, after: CustomerID?, limit: Int, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [CustomerState] {
        let prefix = Array(kind.rawValue.utf8) + [0]
        var ids: [CustomerID] = []
        try txn.scan(tables[Self.byOpenFlag], from: prefix + (after.map { Self.key($0) + [0] } ?? [])) { key, _ in
            guard ids.count < limit, key.starts(with: prefix) else { return false }
            ids.append(CustomerID(rawValue: String(decoding: key[prefix.count...], as: UTF8.self)))
            return true
        }
        return try ids.compactMap { try Self.customer($0, tables: tables, in: txn) }
    }
}

extension CustomerState: ProjectedState {
    public static func row(of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable)
        throws -> CustomerState?
    {
        guard let id = stream.customerID else { return nil }
        return try CustomerProjection.customer(id, tables: tables, in: txn)
    }
}
