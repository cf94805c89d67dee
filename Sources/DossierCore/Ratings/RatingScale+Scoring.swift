/// The points one part of a score was given.
public struct PartScore: Hashable, Sendable, Codable {
    public var part: String
    public var points: ExactDecimal

    public init(part: String, points: ExactDecimal) {
        self.part = part
        self.points = points
    }
}

/// What a scale makes of the score a rater gives: the total, the grade it earns, and the part
/// that capped it under the bucket principle.
public struct ScoredGrade: Hashable, Sendable {
    public var score: ExactDecimal
    public var grade: String
    /// The part whose share of its maximum, alone, earns a worse grade than the total: the
    /// weakest stave of the bucket; nil when the total decided.
    public var cappedBy: String?
}

extension RatingScale {
    /// The total of `parts` on this scale and the grade it earns.
    ///
    /// The score is the adding parts minus the subtracting ones. Under the bucket principle each
    /// adding part's share of its maximum is scaled to the whole (share × the most the adding
    /// parts can give): the grade that alone earns caps the total's grade, so one weak part
    /// cannot be hidden by strong ones. Subtracting parts are deductions, not staves.
    /// - Throws: `invalidField("parts")` unless every part of the scale is given once, within
    ///   0 and its maximum.
    public func scored(parts given: [PartScore]) throws(DomainError) -> ScoredGrade {
        guard given.count == self.parts.count, Set(given.map(\.part)) == Set(self.parts.map(\.name)) else {
            throw .invalidField(
                field: "parts",
                reason: "must give each part of scale \(self.name) once: "
                    + self.parts.map(\.name).joined(separator: ", "))
        }
        var score = ExactDecimal.zero
        var weakest: (part: String, share: ExactDecimal)?
        for part in self.parts {
            let points = given.first { $0.part == part.name }!.points
            guard points >= .zero, points <= part.maximum else {
                throw .invalidField(field: "parts", reason: "\(part.name) must be from 0 to \(part.maximum)")
            }
            if part.subtracts {
                score -= points
            } else {
                score += points
                if let share = points.divided(by: part.maximum), share < (weakest?.share ?? ExactDecimal(2)) {
                    weakest = (part.name, share)
                }
            }
        }
        return try self.scored(score: score, weakest: self.bucketPrinciple ? weakest : nil)
    }

    /// The grade a whole score earns (scales with scores but without parts).
    public func scored(score: ExactDecimal) throws(DomainError) -> ScoredGrade {
        try self.scored(score: score, weakest: nil)
    }

    private func scored(score: ExactDecimal, weakest: (part: String, share: ExactDecimal)?) throws(DomainError)
        -> ScoredGrade
    {
        guard let earned = self.grade(forScore: score), let earnedRank = self.rank(of: earned.name) else {
            throw .invalidField(field: "scale", reason: "\(self.name) has no grades")
        }
        guard let weakest else { return ScoredGrade(score: score, grade: earned.name, cappedBy: nil) }
        let most = self.parts.filter { !$0.subtracts }.reduce(ExactDecimal.zero) { $0 + $1.maximum }
        guard let capGrade = self.grade(forScore: weakest.share.multiplied(by: most)),
            let capRank = self.rank(of: capGrade.name), capRank > earnedRank
        else { return ScoredGrade(score: score, grade: earned.name, cappedBy: nil) }
        return ScoredGrade(score: score, grade: capGrade.name, cappedBy: weakest.part)
    }
}
