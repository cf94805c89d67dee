import DossierCore
import Foundation

// Parameters and results of the rating methods. Field names are the wire names (camelCase).

public struct ProposeRatingParams: Codable, Hashable, Sendable {
    public var customer: String
    public var scale: String
    public var grade: String?
    public var score: ExactDecimal?
    public var parts: [PartScore]?
    public var reason: RatingReason
    public var effectiveOn: LocalDate?
    public var nextReviewOn: LocalDate?
    public var note: String?
    public var requestId: UUID?

    public init(
        customer: String, scale: String, grade: String? = nil, score: ExactDecimal? = nil, parts: [PartScore]? = nil,
        reason: RatingReason, effectiveOn: LocalDate? = nil, nextReviewOn: LocalDate? = nil, note: String? = nil,
        requestId: UUID? = nil
    ) {
        self.customer = customer
        self.scale = scale
        self.grade = grade
        self.score = score
        self.parts = parts
        self.reason = reason
        self.effectiveOn = effectiveOn
        self.nextReviewOn = nextReviewOn
        self.note = note
        self.requestId = requestId
    }
}

public struct ApproveRatingParams: Codable, Hashable, Sendable {
    public var customer: String
    public var scale: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, scale: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.customer = customer
        self.scale = scale
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct WithdrawRatingParams: Codable, Hashable, Sendable {
    public var customer: String
    public var scale: String
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, scale: String, reason: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.scale = scale
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

public struct ShowRatingsParams: Codable, Hashable, Sendable, AsOfParams {
    public var customer: String
    public var scale: String?
    public var asOf: Timestamp?

    public init(customer: String, scale: String? = nil, asOf: Timestamp? = nil) {
        self.customer = customer
        self.scale = scale
        self.asOf = asOf
    }
}

public struct RatingHistoryParams: Codable, Hashable, Sendable {
    public var customer: String
    public var scale: String

    public init(customer: String, scale: String) {
        self.customer = customer
        self.scale = scale
    }
}

public struct RatingsDueParams: Codable, Hashable, Sendable {
    public var asOf: LocalDate?
    public var withinDays: Int?
    public var after: String?
    public var limit: Int?

    public init(asOf: LocalDate? = nil, withinDays: Int? = nil, after: String? = nil, limit: Int? = nil) {
        self.asOf = asOf
        self.withinDays = withinDays
        self.after = after
        self.limit = limit
    }
}

public struct QuarterlyDowngradeParams: Codable, Hashable, Sendable {
    public var scale: String
    public var quarter: CalendarQuarter
    public var volumes: [CustomerVolume]
    public var requestId: UUID?

    public init(scale: String, quarter: CalendarQuarter, volumes: [CustomerVolume], requestId: UUID? = nil) {
        self.scale = scale
        self.quarter = quarter
        self.volumes = volumes
        self.requestId = requestId
    }
}

/// One scale's ratings of a customer: the reply of the rating commands and of `rating.show`
/// with a scale.
public struct RatingResult: Codable, Hashable, Sendable {
    public var rating: RatingState
    public var receipt: AppendReceipt?
    public var withheld: [String]? = nil

    public init(rating: RatingState, receipt: AppendReceipt? = nil) {
        self.rating = rating
        self.receipt = receipt
    }
}

/// A customer's ratings on every scale it has one.
public struct RatingsResult: Codable, Hashable, Sendable {
    public var customer: CustomerID
    public var ratings: [RatingState]
    public var withheld: [String]? = nil

    public init(customer: CustomerID, ratings: [RatingState]) {
        self.customer = customer
        self.ratings = ratings
    }
}

public struct RatingHistoryResult: Codable, Hashable, Sendable {
    public var customer: CustomerID
    public var scale: String
    /// Oldest first; absent when withheld.
    public var ratings: [Rating]?
    public var withheld: [String]? = nil

    public init(customer: CustomerID, scale: String, ratings: [Rating]) {
        self.customer = customer
        self.scale = scale
        self.ratings = ratings
    }
}

/// A rating whose review is due.
public struct DueRating: Codable, Hashable, Sendable {
    public var customer: CustomerID
    public var scale: String
    /// Absent when withheld.
    public var grade: String?
    public var nextReviewOn: LocalDate
    /// Whether the review day has passed.
    public var overdue: Bool

    public init(customer: CustomerID, scale: String, grade: String, nextReviewOn: LocalDate, overdue: Bool) {
        self.customer = customer
        self.scale = scale
        self.grade = grade
        self.nextReviewOn = nextReviewOn
        self.overdue = overdue
    }
}

public struct RatingsDueResult: Codable, Hashable, Sendable {
    public var asOf: LocalDate
    public var through: LocalDate
    public var due: [DueRating]
    /// Pass as `after` for the next page.
    public var next: String?
    public var withheld: [String]? = nil

    public init(asOf: LocalDate, through: LocalDate, due: [DueRating], next: String?) {
        self.asOf = asOf
        self.through = through
        self.due = due
        self.next = next
    }
}

public struct QuarterlyDowngradeResult: Codable, Hashable, Sendable {
    public var scale: String
    public var quarter: CalendarQuarter
    public var threshold: ExactDecimal
    /// Absent when withheld.
    public var downgraded: [RatingDowngrade]?
    public var atLowestGrade: [CustomerID]?
    public var unrated: [CustomerID]
    public var receipt: AppendReceipt?
    public var withheld: [String]? = nil

    public init(_ ran: QuarterlyDowngradeRan, receipt: AppendReceipt?) {
        self.scale = ran.scale
        self.quarter = ran.quarter
        self.threshold = ran.threshold
        self.downgraded = ran.downgraded
        self.atLowestGrade = ran.atLowestGrade
        self.unrated = ran.unrated
        self.receipt = receipt
    }
}
