import DossierCore
import LMDB

/// Credit limits as the log says they are now.
///
/// - `credit_limits`: the subject's stream name (`limit-<customer>`, `grouplimit-<group>`) ->
///   `CreditLimitsState` (JSON).
/// - `credit_limits_by_expiry`: last valid day (`LocalDate.sortableKey`) || stream name ||
///   0x00 || limit number (u32, big-endian) -> empty, for every limit not revoked: a scan from
///   a day finds the limits expiring from then on. Expiry itself needs no event.
public enum CreditLimitProjection: Projection {
    public static let name = "credit_limits"
    static let limits = ProjectionTable("credit_limits")
    static let byExpiry = ProjectionTable("credit_limits_by_expiry")
    public static let tables = [Self.limits, Self.byExpiry]
    public static let version = 1

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .creditLimit(let limitEvent) = decoded else { return }
        let key = Self.key(limitEvent.subject)
        let current = try read(Self.limits, key).map { try DossierJSON.decode(CreditLimitsState.self, from: $0) }
        guard let next = CreditLimitsState.apply(current, decoded, at: EventMetadata(event)) else { return }
        try write(Self.limits, key, try DossierJSON.encode(next))
        let before = Set(Self.expiryKeys(of: current))
        let after = Set(Self.expiryKeys(of: next))
        for gone in before.subtracting(after).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            try write(Self.byExpiry, gone, nil)
        }
        for added in after.subtracting(before).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            try write(Self.byExpiry, added, [])
        }
    }

    static func key(_ subject: CreditSubject) -> [UInt8] { Array(subject.stream.rawValue.utf8) }

    private static func expiryKeys(of state: CreditLimitsState?) -> [[UInt8]] {
        guard let state else { return [] }
        return state.limits.filter { $0.status != .revoked }.map { limit in
            limit.validTo.sortableKey + Self.key(state.subject) + [0]
                + withUnsafeBytes(of: UInt32(clamping: limit.number).bigEndian) { Array($0) }
        }
    }

    static func limits(
        _ subject: CreditSubject, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> CreditLimitsState?
    {
        try txn.withValue(tables[Self.limits], forKey: Self.key(subject)) { value in
            try value.map { try DossierJSON.decode(CreditLimitsState.self, from: $0) }
        }
    }

    /// Limits not revoked whose last valid day is from `first` through `last`, earliest first,
    /// as (subject's limits, limit number), starting after `after`.
    static func expiring(
        from first: LocalDate, through last: LocalDate, after: LimitExpiryCursor?, limit: Int, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [(CreditLimitsState, Int)] {
        var entries: [(key: [UInt8], number: Int)] = []
        let end = last.adding(days: 1).sortableKey
        let start = after.map { $0.key + [0] } ?? first.sortableKey
        try txn.scan(tables[Self.byExpiry], from: start) { key, _ in
            guard entries.count < limit, key.lexicographicallyPrecedes(end), key.count > 9 else { return false }
            let number = key.suffix(4).reduce(0) { $0 << 8 | Int($1) }
            entries.append((Array(key.dropFirst(4).dropLast(5)), number))
            return true
        }
        return try entries.compactMap { entry in
            let state = try txn.withValue(tables[Self.limits], forKey: entry.key) { value in
                try value.map { try DossierJSON.decode(CreditLimitsState.self, from: $0) }
            }
            return state.map { ($0, entry.number) }
        }
    }
}

/// Where a page of `limit.expiring` ended: `yyyy-MM-dd/<stream>/<number>` on the wire.
public struct LimitExpiryCursor: Hashable, Sendable, CustomStringConvertible {
    public var validTo: LocalDate
    public var subject: CreditSubject
    public var number: Int

    public init(validTo: LocalDate, subject: CreditSubject, number: Int) {
        self.validTo = validTo
        self.subject = subject
        self.number = number
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = LocalDate(String(parts[0])),
            let subject = StreamID(rawValue: String(parts[1])).creditSubject, let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(validTo: day, subject: subject, number: number)
    }

    public var description: String { "\(self.validTo)/\(self.subject.stream)/\(self.number)" }

    var key: [UInt8] {
        self.validTo.sortableKey + CreditLimitProjection.key(self.subject) + [0]
            + withUnsafeBytes(of: UInt32(clamping: self.number).bigEndian) { Array($0) }
    }
}

extension CreditLimitsState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> CreditLimitsState?
    {
        guard let subject = stream.creditSubject else { return nil }
        return try CreditLimitProjection.limits(subject, tables: tables, in: txn)
    }
}
