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
}
