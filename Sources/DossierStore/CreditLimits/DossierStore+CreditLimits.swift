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

    /// `limitsExpiring` as the log showed it at `asOf` (log time): every subject's limits folded
    /// to then, and of those the limits not revoked then whose last valid day is from `first`
    /// through `last`, in the expiry index's order. The index holds today's days, so this folds
    /// every subject with limits: a long read.
    public func limitsExpiring(
        from first: LocalDate, through last: LocalDate, after: LimitExpiryCursor? = nil, limit: Int, asOf: Timestamp
    ) throws -> [(limits: CreditLimitsState, number: Int)] {
        let states = try self.read { txn in
            let fold = StreamFold(reader: self.reader)
            return try txn.pageOfKeys(
                self.databases.projections[CreditLimitProjection.limits], after: nil, limit: Int.max
            ) { key in
                try fold.state(
                    CreditLimitsState.self, of: StreamID(rawValue: String(decoding: key, as: UTF8.self)), in: txn,
                    asOf: asOf)
            }
        }
        var entries: [(key: [UInt8], limits: CreditLimitsState, number: Int)] = []
        for state in states {
            for item in state.limits where item.status != .revoked && item.validTo >= first && item.validTo <= last {
                let key = LimitExpiryCursor(validTo: item.validTo, subject: state.subject, number: item.number).key
                if let after, !after.key.lexicographicallyPrecedes(key) { continue }
                entries.append((key, state, item.number))
            }
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return entries.prefix(limit).map { ($0.limits, $0.number) }
    }
}
