import DossierCore
import LMDB

/// Ratings as the log says they are now.
///
/// - `ratings`: customer id || 0x00 || scale -> `RatingState` (JSON); a customer's ratings sit
///   together, in scale order.
/// - `ratings_by_review`: next review day (`LocalDate.sortableKey`) || customer id || 0x00 ||
///   scale -> empty, for each active rating: a scan up to a day finds the reviews due by then.
/// - `rating_rules`: scale -> `RatingRuleState` (JSON), the runs of the scale's rules.
public enum RatingProjection: Projection {
    public static let name = "ratings"
    static let ratings = ProjectionTable("ratings")
    static let byReview = ProjectionTable("ratings_by_review")
    static let rules = ProjectionTable("rating_rules")
    public static let tables = [Self.ratings, Self.byReview, Self.rules]
    public static let version = 1

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .rating(let ratingEvent) = decoded else { return }
        if case .quarterlyDowngradeRan(let ran) = ratingEvent {
            let key = Array(ran.scale.utf8)
            let current = try read(Self.rules, key).map { try DossierJSON.decode(RatingRuleState.self, from: $0) }
            if let next = RatingRuleState.apply(current, decoded, at: EventMetadata(event)) {
                try write(Self.rules, key, try DossierJSON.encode(next))
            }
            return
        }
        guard let (customer, scale) = event.stream.ratingSubject else { return }
        let key = Self.key(customer, scale: scale)
        let current = try read(Self.ratings, key).map { try DossierJSON.decode(RatingState.self, from: $0) }
        guard let next = RatingState.apply(current, decoded, at: EventMetadata(event)) else { return }
        try write(Self.ratings, key, try DossierJSON.encode(next))
        let (before, after) = (current?.active?.nextReviewOn, next.active?.nextReviewOn)
        if before != after {
            if let before { try write(Self.byReview, before.sortableKey + key, nil) }
            if let after { try write(Self.byReview, after.sortableKey + key, []) }
        }
    }

    static func key(_ customer: CustomerID, scale: String) -> [UInt8] {
        Array(customer.rawValue.utf8) + [0] + Array(scale.utf8)
    }

    static func rating(
        _ customer: CustomerID, scale: String, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> RatingState? {
        try txn.withValue(tables[Self.ratings], forKey: Self.key(customer, scale: scale)) { value in
            try value.map { try DossierJSON.decode(RatingState.self, from: $0) }
        }
    }

    /// The customer's ratings on every scale it has one, in scale order.
    static func ratings(
        of customer: CustomerID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> [RatingState]
    {
        let prefix = Array(customer.rawValue.utf8) + [0]
        var found: [RatingState] = []
        try txn.scan(tables[Self.ratings], from: prefix) { key, value in
            guard key.starts(with: prefix) else { return false }
            found.append(try DossierJSON.decode(RatingState.self, from: value))
            return true
        }
        return found
    }

    /// Active ratings whose next review is on or before `day`, earliest review first, starting
    /// after the rating `after` names.
    static func due(
        by day: LocalDate, after: RatingReviewCursor?, limit: Int, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [RatingState] {
        var keys: [[UInt8]] = []
        let end = day.adding(days: 1).sortableKey
        try txn.scan(tables[Self.byReview], from: after.map { $0.key + [0] }) { key, _ in
            guard keys.count < limit, key.lexicographicallyPrecedes(end) else { return false }
            keys.append(Array(key.dropFirst(4)))
            return true
        }
        return try keys.compactMap { key in
            try txn.withValue(tables[Self.ratings], forKey: key) { value in
                try value.map { try DossierJSON.decode(RatingState.self, from: $0) }
            }
        }
    }

    static func rules(of scale: String, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable) throws
        -> RatingRuleState?
    {
        try txn.withValue(tables[Self.rules], forKey: Array(scale.utf8)) { value in
            try value.map { try DossierJSON.decode(RatingRuleState.self, from: $0) }
        }
    }
}

/// Where a page of `rating.due` ended: the last rating's review day, customer and scale, as
/// `yyyy-MM-dd/customer/scale` on the wire.
public struct RatingReviewCursor: Hashable, Sendable, CustomStringConvertible {
    public var reviewOn: LocalDate
    public var customer: CustomerID
    public var scale: String

    public init(reviewOn: LocalDate, customer: CustomerID, scale: String) {
        self.reviewOn = reviewOn
        self.customer = customer
        self.scale = scale
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = LocalDate(String(parts[0])), !parts[1].isEmpty, !parts[2].isEmpty else {
            return nil
        }
        self.init(reviewOn: day, customer: CustomerID(rawValue: String(parts[1])), scale: String(parts[2]))
    }

    public var description: String { "\(self.reviewOn)/\(self.customer)/\(self.scale)" }

    var key: [UInt8] { self.reviewOn.sortableKey + RatingProjection.key(self.customer, scale: self.scale) }
}

extension RatingState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> RatingState?
    {
        guard let (customer, scale) = stream.ratingSubject else { return nil }
        return try RatingProjection.rating(customer, scale: scale, tables: tables, in: txn)
    }
}

extension RatingRuleState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> RatingRuleState?
    {
        guard let scale = stream.ratingRuleScale else { return nil }
        return try RatingProjection.rules(of: scale, tables: tables, in: txn)
    }
}
