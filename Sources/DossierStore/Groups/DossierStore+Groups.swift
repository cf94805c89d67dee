import DossierCore
import LMDB

extension DossierStore {
    public func group(_ id: GroupID) throws -> GroupState? {
        try self.read { txn in try GroupProjection.group(id, tables: self.databases.projections, in: txn) }
    }

    /// The group `customer` is a member of, if any.
    public func group(of customer: CustomerID) throws -> GroupState? {
        try self.read { txn in
            guard let id = try GroupProjection.group(of: customer, tables: self.databases.projections, in: txn) else {
                return nil
            }
            return try GroupProjection.group(id, tables: self.databases.projections, in: txn)
        }
    }

    /// Groups in id order, starting after `after`.
    public func groups(after: GroupID? = nil, limit: Int) throws -> [GroupState] {
        try self.read { txn in
            try GroupProjection.groups(after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// Groups in id order as the log showed them at `asOf`, starting after `after`.
    public func groups(after: GroupID? = nil, limit: Int, asOf: Timestamp) throws -> [GroupState] {
        try self.page(
            GroupState.self, keysOf: GroupProjection.groups, after: after.map { Array($0.rawValue.utf8) }, limit: limit,
            asOf: asOf
        ) { .group(GroupID(rawValue: String(decoding: $0, as: UTF8.self))) }
    }

    public func netCapital() throws -> NetCapitalState? {
        try self.read { txn in try GroupProjection.netCapital(tables: self.databases.projections, in: txn) }
    }

    /// The group's exposure on `day`, read in one snapshot: its limits, its members' limits
    /// and the net capital as they stood together.
    public func groupExposure(_ id: GroupID, on day: LocalDate, currency: Currency? = nil) throws -> GroupExposure? {
        try self.groupExposure(id, on: day, currency: currency, asOf: nil)
    }

    /// The group's exposure as the log showed it at `asOf` (log time), judged on that day: the
    /// group, its members' limits, the group's limits and the net capital each folded to then.
    public func groupExposure(_ id: GroupID, asOf: Timestamp, currency: Currency? = nil) throws -> GroupExposure? {
        try self.groupExposure(id, on: self.policy.calendar.localDate(of: asOf), currency: currency, asOf: asOf)
    }

    /// Reads every state from the tables, or folds it from the log to `asOf`, in one snapshot.
    private func groupExposure(_ id: GroupID, on day: LocalDate, currency: Currency?, asOf: Timestamp?) throws
        -> GroupExposure?
    {
        let policy = self.policy
        let source = ExposureSource(tables: self.databases.projections, fold: StreamFold(reader: self.reader), asOf: asOf)
        return try self.read { txn in
            guard let group = try source.group(id, in: txn) else { return nil }
            var members: [CustomerID: CreditLimitsState] = [:]
            for member in group.members {
                members[member.customer] = try source.limits(.customer(member.customer), in: txn)
            }
            return GroupExposure(
                group: group, groupLimits: try source.limits(.group(id), in: txn), memberLimits: members,
                netCapital: try source.netCapital(in: txn), policy: policy, today: day, currency: currency)
        }
    }
}

/// Where an exposure's states come from: the tables (now), or the log folded to `asOf`.
private struct ExposureSource {
    let tables: ProjectionTables
    let fold: StreamFold
    let asOf: Timestamp?

    func group(_ id: GroupID, in txn: borrowing some Transaction & ~Copyable) throws -> GroupState? {
        guard let asOf = self.asOf else { return try GroupProjection.group(id, tables: self.tables, in: txn) }
        return try self.fold.state(GroupState.self, of: .group(id), in: txn, asOf: asOf)
    }

    func limits(_ subject: CreditSubject, in txn: borrowing some Transaction & ~Copyable) throws -> CreditLimitsState? {
        guard let asOf = self.asOf else { return try CreditLimitProjection.limits(subject, tables: self.tables, in: txn) }
        return try self.fold.state(CreditLimitsState.self, of: subject.stream, in: txn, asOf: asOf)
    }

    func netCapital(in txn: borrowing some Transaction & ~Copyable) throws -> NetCapitalState? {
        guard let asOf = self.asOf else { return try GroupProjection.netCapital(tables: self.tables, in: txn) }
        return try self.fold.state(NetCapitalState.self, of: .netCapital, in: txn, asOf: asOf)
    }
}
