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
        let policy = self.policy
        return try self.read { txn in
            let tables = self.databases.projections
            guard let group = try GroupProjection.group(id, tables: tables, in: txn) else { return nil }
            var members: [CustomerID: CreditLimitsState] = [:]
            for member in group.members {
                members[member.customer] = try CreditLimitProjection.limits(
                    .customer(member.customer), tables: tables, in: txn)
            }
            return GroupExposure(
                group: group, groupLimits: try CreditLimitProjection.limits(.group(id), tables: tables, in: txn),
                memberLimits: members, netCapital: try GroupProjection.netCapital(tables: tables, in: txn),
                policy: policy,
                today: day, currency: currency)
        }
    }
}
