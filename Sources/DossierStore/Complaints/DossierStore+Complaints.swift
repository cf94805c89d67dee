import DossierCore
import LMDB

extension DossierStore {
    /// The complaint's state now; nil when there is no such complaint.
    public func complaint(_ number: ComplaintNumber) throws -> ComplaintState? {
        try self.read { txn in try ComplaintProjection.complaint(number, tables: self.databases.projections, in: txn) }
    }

    /// Complaints in number order, optionally of one customer, starting after `after`.
    public func complaints(of customer: CustomerID? = nil, after: ComplaintNumber? = nil, limit: Int) throws
        -> [ComplaintState]
    {
        try self.read { txn in
            try ComplaintProjection.complaints(
                of: customer, after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// The complaint as the log showed it at `asOf` (log time).
    public func complaint(_ number: ComplaintNumber, asOf: Timestamp) throws -> ComplaintState? {
        try self.state(ComplaintState.self, of: .complaint(number), asOf: asOf)
    }
}
