/// What a rating says: the grade, how it was scored, why, and when it runs. A proposal, its
/// approval and the active rating carry the same terms, so they are one value, read as
/// members of whatever carries it (`rating.grade`).
public struct RatingTerms: Hashable, Sendable, Codable {
    public var grade: String
    public var score: ExactDecimal?
    /// The part scores, kept as given.
    public var parts: [PartScore]?
    /// The part that capped the grade under the bucket principle.
    public var cappedBy: String?
    public var reason: RatingReason
    public var effectiveOn: LocalDate
    public var nextReviewOn: LocalDate

    public init(
        grade: String, score: ExactDecimal? = nil, parts: [PartScore]? = nil, cappedBy: String? = nil,
        reason: RatingReason, effectiveOn: LocalDate, nextReviewOn: LocalDate
    ) {
        self.grade = grade
        self.score = score
        self.parts = parts
        self.cappedBy = cappedBy
        self.reason = reason
        self.effectiveOn = effectiveOn
        self.nextReviewOn = nextReviewOn
    }
}
