import DossierCore
import LMDB

extension DossierStore {
    /// The subject's limits; nil when none was ever proposed.
    public func creditLimits(of subject: CreditSubject) throws -> CreditLimitsState? {
        try self.read { txn in try CreditLimitProjection.limits(subject, tables: self.databases.projections, in: txn) }
    }

    /// The subject's limits as the log showed them at `asOf` (log time).
    public func creditLimits(of subject: CreditSubject, asOf: Timestamp) throws -> CreditLimitsState? {
        try self.state(CreditLimitsState.self, of: subject.stream, asOf: asOf)
    }

    /// Limits not revoked whose last valid day is from `first` through `last`, earliest first.
    public func limitsExpiring(
        from first: LocalDate, through last: LocalDate, after: LimitExpiryCursor? = nil, limit: Int
    ) throws -> [(limits: CreditLimitsState, number: Int)] {
        try self.read { txn in
            try CreditLimitProjection.expiring(
                from: first, through: last, after: after, limit: limit, tables: self.databases.projections, in: txn
            ).map { ($0.0, $0.1) }
        }
    }
}
