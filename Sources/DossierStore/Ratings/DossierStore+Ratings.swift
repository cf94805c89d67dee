import DossierCore
import LMDB

extension DossierStore {
    /// The day it is now in the institution's time zone: what reads judge validity and
    /// reviews against.
    public var today: LocalDate { self.policy.calendar.localDate(of: self.wallClock()) }

    /// The customer's ratings on every scale it has one.
    public func ratings(of customer: CustomerID) throws -> [RatingState] {
        try self.read { txn in try RatingProjection.ratings(of: customer, tables: self.databases.projections, in: txn) }
    }

    public func rating(of customer: CustomerID, scale: String) throws -> RatingState? {
        try self.read { txn in
            try RatingProjection.rating(customer, scale: scale, tables: self.databases.projections, in: txn)
        }
    }

    /// Every rating the customer was given on the scale, the first first: the active one after
    /// each approval in the stream.
    public func ratingHistory(of customer: CustomerID, scale: String) throws -> [Rating] {
        try self.read { txn in
            var history: [Rating] = []
            var state: RatingState?
            var version: UInt64 = 1
            while true {
                let events = try self.reader.readStream(
                    .rating(customer, scale: scale), from: version, limit: StreamFold.pageSize, in: txn)
                for event in events {
                    let decoded = try DomainEvent.decode(event)
                    state = RatingState.apply(state, decoded, at: EventMetadata(event))
                    if case .rating(.approved) = decoded, let active = state?.active { history.append(active) }
                }
                guard let last = events.last, events.count == StreamFold.pageSize else { return history }
                version = last.version + 1
            }
        }
    }

    /// Active ratings whose next review is on or before `day`, earliest first.
    public func ratingsDue(by day: LocalDate, after: RatingReviewCursor? = nil, limit: Int) throws -> [RatingState] {
        try self.read { txn in
            try RatingProjection.due(by: day, after: after, limit: limit, tables: self.databases.projections, in: txn)
        }
    }

    /// The runs of a scale's rules.
    public func ratingRules(of scale: String) throws -> RatingRuleState? {
        try self.read { txn in try RatingProjection.rules(of: scale, tables: self.databases.projections, in: txn) }
    }
}
