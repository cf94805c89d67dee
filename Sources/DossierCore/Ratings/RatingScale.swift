/// A rating scale (评级体系) as configured in `[policy.ratings]`: its grades from best to worst,
/// and the options that decide how a rating on it is given.
public struct RatingScale: Hashable, Sendable {
    /// One grade of the scale.
    public struct Grade: Hashable, Sendable {
        /// `AAA`, `BBB-`, `normal1`, `loss`.
        public var name: String
        /// The lowest score that earns the grade, on scales with scores; a score below every
        /// grade's minimum earns the last grade.
        public var minimumScore: ExactDecimal?
        /// The share of a balance set aside as provision at this grade (0.25 = 25%).
        public var provisionRatio: ExactDecimal?

        public init(_ name: String, minimumScore: ExactDecimal? = nil, provisionRatio: ExactDecimal? = nil) {
            self.name = name
            self.minimumScore = minimumScore
            self.provisionRatio = provisionRatio
        }
    }

    /// A part of the score (score = the parts that add, minus the parts that subtract).
    public struct Part: Hashable, Sendable {
        public var name: String
        /// The most points the part can give (or take away).
        public var maximum: ExactDecimal
        /// Whether the part's points are taken away (the guarantee scale's D).
        public var subtracts: Bool

        public init(_ name: String, maximum: ExactDecimal, subtracts: Bool = false) {
            self.name = name
            self.maximum = maximum
            self.subtracts = subtracts
        }
    }

    /// `snake_case`: part of rating stream names, so no `-`.
    public var name: String
    public var displayName: String
    /// From the best to the worst.
    public var grades: [Grade]
    /// The grades that mean default: approving one freezes the customer's credit limits.
    public var defaultGrades: [String]
    /// Whether an upgrade may go up more than one grade at once.
    public var upgradesMaySkip: Bool
    /// The parts a score is built from; empty when a score is given whole (or there is none).
    public var parts: [Part]
    /// Whether the weakest part caps the total (木桶原理, the bucket principle).
    public var bucketPrinciple: Bool
    /// The roles that may approve a rating on this scale.
    public var approverRoles: [String]
    /// Another scale this one's grades count as (an agency's AA- as the bank's AA), by `mapping`.
    public var mapsTo: String?
    /// Grade of this scale -> grade of `mapsTo`.
    public var mapping: [String: String]
    /// Customers whose business volume in a quarter falls below this go down one grade when the
    /// quarterly rule runs; nil: the rule does not apply to this scale.
    public var quarterlyVolumeThreshold: ExactDecimal?

    public init(
        name: String, displayName: String = "", grades: [Grade], defaultGrades: [String] = [],
        upgradesMaySkip: Bool = true, parts: [Part] = [], bucketPrinciple: Bool = false,
        approverRoles: [String] = ["approver", "admin"], mapsTo: String? = nil, mapping: [String: String] = [:],
        quarterlyVolumeThreshold: ExactDecimal? = nil
    ) {
        self.name = name
        self.displayName = displayName
        self.grades = grades
        self.defaultGrades = defaultGrades
        self.upgradesMaySkip = upgradesMaySkip
        self.parts = parts
        self.bucketPrinciple = bucketPrinciple
        self.approverRoles = approverRoles
        self.mapsTo = mapsTo
        self.mapping = mapping
        self.quarterlyVolumeThreshold = quarterlyVolumeThreshold
    }

    /// Whether ratings on the scale carry a score (its grades have score bands).
    public var hasScores: Bool { self.grades.contains { $0.minimumScore != nil } }

    /// The grade's position, 0 for the best.
    public func rank(of grade: String) -> Int? { self.grades.firstIndex { $0.name == grade } }

    public func grade(named name: String) -> Grade? { self.grades.first { $0.name == name } }

    public func isDefault(_ grade: String) -> Bool { self.defaultGrades.contains(grade) }

    /// The best grade `score` earns: the first whose minimum it reaches, else the last.
    public func grade(forScore score: ExactDecimal) -> Grade? {
        self.grades.first { grade in grade.minimumScore.map { score >= $0 } ?? false } ?? self.grades.last
    }

    /// The grade one step worse than `grade` that does not mean default; nil when there is none
    /// (a rule that moves customers down never puts them into default).
    public func oneGradeDown(from grade: String) -> String? {
        guard let rank = self.rank(of: grade), rank + 1 < self.grades.count else { return nil }
        let next = self.grades[rank + 1].name
        return self.isDefault(next) ? nil : next
    }

    /// The grades as text for messages: `AAA, AA, A, ...`.
    public var gradeList: String { self.grades.map(\.name).joined(separator: ", ") }
}
