import DossierCore
import LMDB

/// Customers as the log says they are now: `customers`, customer id -> `CustomerState`
/// (`CustomerRowCodec`), in id order for paging.
public enum CustomerProjection: Projection {
    public static let name = "customers"
    static let customers = ProjectionTable("customers")
    public static let tables = [Self.customers]
    public static let version = 3

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .customer(let customerEvent) = decoded else { return }
        let id: CustomerID
        switch customerEvent {
        case .registered(let registered): id = registered.customer
        case .flagged(let flagged): id = flagged.customer
        case .flagResolved(let resolved): id = resolved.customer
        }
        let key = Self.key(id)
        let current = try read(Self.customers, key).map { try CustomerRowCodec.decode($0) }
        if let next = CustomerState.apply(current, decoded, at: EventMetadata(event)) {
            try write(Self.customers, key, CustomerRowCodec.encode(next))
        }
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
}

extension CustomerState: ProjectedState {
    public static func row(of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable)
        throws -> CustomerState?
    {
        guard let id = stream.customerID else { return nil }
        return try CustomerProjection.customer(id, tables: tables, in: txn)
    }
}
