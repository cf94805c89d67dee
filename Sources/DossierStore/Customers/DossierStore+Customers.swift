import DossierCore
import LMDB

extension DossierStore {
    /// The customer's state now; nil when not registered.
    public func customer(_ id: CustomerID) throws -> CustomerState? {
        try self.read { txn in try CustomerProjection.customer(id, tables: self.databases.projections, in: txn) }
    }

    /// Customers in id order, starting after `after`.
    public func customers(after: CustomerID? = nil, limit: Int) throws -> [CustomerState] {
        try self.read { txn in
            try CustomerProjection.customers(after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// The customer as the log showed them at `asOf` (log time); nil when not registered yet.
    public func customer(_ id: CustomerID, asOf: Timestamp) throws -> CustomerState? {
        try self.state(CustomerState.self, of: .customer(id), asOf: asOf)
    }

    /// Customers with at least one open flag of `kind`, in id order, starting after `after`.
    public func customers(withOpenFlag kind: FlagKind, after: CustomerID? = nil, limit: Int) throws -> [CustomerState] {
        try self.read { txn in
            try CustomerProjection.customers(
                withOpenFlag: kind, after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// Customers in id order as the log showed them at `asOf`, starting after `after`.
    public func customers(after: CustomerID? = nil, limit: Int, asOf: Timestamp) throws -> [CustomerState] {
        try self.page(
            CustomerState.self, keysOf: CustomerProjection.customers, after: after.map(CustomerProjection.key),
            limit: limit, asOf: asOf, stream: Self.customerStream)
    }

    /// Customers that had an open flag of `kind` at `asOf`, in id order, starting after
    /// `after`. Today's index of open flags cannot say who was flagged then: every customer's
    /// history is folded.
    public func customers(withOpenFlag kind: FlagKind, after: CustomerID? = nil, limit: Int, asOf: Timestamp) throws
        -> [CustomerState]
    {
        try self.page(
            CustomerState.self, keysOf: CustomerProjection.customers, after: after.map(CustomerProjection.key),
            limit: limit, asOf: asOf, stream: Self.customerStream
        ) { $0.flags.contains { $0.kind == kind } }
    }

    private static func customerStream(_ key: [UInt8]) -> StreamID {
        .customer(CustomerID(rawValue: String(decoding: key, as: UTF8.self)))
    }
}
