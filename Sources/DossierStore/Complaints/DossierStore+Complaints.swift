import DossierCore
import LMDB

extension DossierStore {
    /// The daemon's clock now (the test clock in tests): what due lists are computed at.
    public func currentTime() -> Timestamp { self.wallClock() }

    /// The complaint's state now; nil when there is no such complaint.
    public func complaint(_ number: ComplaintNumber) throws -> ComplaintState? {
        try self.read { txn in try ComplaintProjection.complaint(number, tables: self.databases.projections, in: txn) }
    }

    /// Complaints in number order, optionally of one customer, starting after `after`.
    public func complaints(
        of customer: CustomerID? = nil, after: ComplaintNumber? = nil, limit: Int
    ) throws
        -> [ComplaintState]
    {
        try self.read { txn in
            try ComplaintProjection.complaints(
                of: customer, after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// Complaints in number order that `filter` accepts at `now`, starting after `after`,
    /// each with its clocks at `now`.
    public func complaints(
        matching filter: ComplaintFilter, after: ComplaintNumber? = nil, limit: Int, now: Timestamp
    ) throws -> [(complaint: ComplaintState, due: ComplaintDue)] {
        let policy = self.policy
        let states = try self.read { txn in
            try ComplaintProjection.complaints(
                of: filter.customer, after: after, limit: limit, tables: self.databases.projections, in: txn
            ) { filter.matches($0, due: ComplaintDue($0, now: now, policy: policy)) }
        }
        return states.map { ($0, ComplaintDue($0, now: now, policy: policy)) }
    }

    /// The statistics of the complaints received from `from` to `to` (local days, inclusive).
    public func complaintStatistics(
        from: LocalDate, to: LocalDate, reportDueBy: LocalDate?, now: Timestamp
    ) throws
        -> ComplaintStatistics
    {
        let policy = self.policy
        let all = try self.read { txn in
            try ComplaintProjection.complaints(
                of: nil, after: nil, limit: Int.max, tables: self.databases.projections, in: txn)
        }
        return ComplaintStatistics(of: all, from: from, to: to, reportDueBy: reportDueBy, now: now, policy: policy)
    }

    /// The complaint as the log showed it at `asOf` (log time).
    public func complaint(_ number: ComplaintNumber, asOf: Timestamp) throws -> ComplaintState? {
        try self.state(ComplaintState.self, of: .complaint(number), asOf: asOf)
    }

    /// The group incident's state now; nil when there is none.
    public func incident(_ id: String) throws -> GroupIncidentState? {
        try self.read { txn in try ComplaintProjection.incident(id, tables: self.databases.projections, in: txn) }
    }

    /// Complaints in number order that `filter` accepted at `asOf`, as the log showed them
    /// then, each with its clocks at `asOf`: the due lists of a past day ("what did the
    /// overdue list show on 2024-03-31?"). Deadlines are the ones recorded; the at-risk share
    /// is today's policy.
    public func complaints(
        matching filter: ComplaintFilter, after: ComplaintNumber? = nil, limit: Int, asOf: Timestamp
    ) throws -> [(complaint: ComplaintState, due: ComplaintDue)] {
        let policy = self.policy
        let stream = { (key: [UInt8]) in StreamID.complaint(ComplaintNumber(rawValue: String(decoding: key, as: UTF8.self))) }
        let states = try self.page(
            ComplaintState.self, keysOf: filter.customer == nil ? ComplaintProjection.complaints : ComplaintProjection.byCustomer,
            prefix: filter.customer.map { CustomerProjection.key($0) + [0] } ?? [], after: after.map(ComplaintProjection.key),
            limit: limit, asOf: asOf, stream: stream
        ) { filter.matches($0, due: ComplaintDue($0, now: asOf, policy: policy)) }
        return states.map { ($0, ComplaintDue($0, now: asOf, policy: policy)) }
    }

    /// The statistics of the complaints received from `from` to `to` as the log showed them
    /// at `asOf`, judged at `asOf`: the monthly report as it could have been run then.
    public func complaintStatistics(
        from: LocalDate, to: LocalDate, reportDueBy: LocalDate?, asOf: Timestamp
    ) throws -> ComplaintStatistics {
        let all = try self.complaints(matching: ComplaintFilter(), limit: Int.max, asOf: asOf).map(\.complaint)
        return ComplaintStatistics(of: all, from: from, to: to, reportDueBy: reportDueBy, now: asOf, policy: self.policy)
    }

    /// The group incident as the log showed it at `asOf`.
    public func incident(_ id: String, asOf: Timestamp) throws -> GroupIncidentState? {
        try self.state(GroupIncidentState.self, of: .incident(id), asOf: asOf)
    }
}
