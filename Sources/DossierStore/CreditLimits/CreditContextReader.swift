import DossierCore
import LMDB

/// Gathers what the rules of a credit decision read, inside one transaction: for a customer
/// its row, ratings and group (the group's limits and the other members' limits); for a group
/// its members' limits and the bank's net capital.
enum CreditContextReader {
    static func context(
        for subject: CreditSubject, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> CreditContext
    {
        switch subject {
        case .customer(let id):
            var context = CreditContext(
                customer: try CustomerProjection.customer(id, tables: tables, in: txn),
                ratings: try RatingProjection.ratings(of: id, tables: tables, in: txn))
            if let groupID = try GroupProjection.group(of: id, tables: tables, in: txn),
                let group = try GroupProjection.group(groupID, tables: tables, in: txn)
            {
                context.group = group
                context.groupLimits = try CreditLimitProjection.limits(.group(groupID), tables: tables, in: txn)
                context.otherMemberLimits = try Self.memberLimits(of: group, except: id, tables: tables, in: txn)
            }
            return context
        case .group(let id):
            let group = try GroupProjection.group(id, tables: tables, in: txn)
            return CreditContext(
                group: group,
                otherMemberLimits: try group.map { try Self.memberLimits(of: $0, except: nil, tables: tables, in: txn) }
                    ?? [],
                netCapital: try GroupProjection.netCapital(tables: tables, in: txn))
        }
    }

    /// The limits of the group's members, but `except`.
    static func memberLimits(
        of group: GroupState, except: CustomerID?, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [CreditLimitsState] {
        try group.members.filter { $0.customer != except }.compactMap {
            try CreditLimitProjection.limits(.customer($0.customer), tables: tables, in: txn)
        }
    }
}
