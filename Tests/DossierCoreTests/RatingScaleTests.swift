import DossierCore
import Testing

@Suite("Rating scales: grades, score bands, parts, the bucket principle, mappings, defaults")
struct RatingScaleTests {
    @Test func theDefaultScalesAreDomainMDs() {
        let policy = RatingPolicy()
        #expect(policy.scales.map(\.name) == ["corporate", "individual", "guarantee", "agency"])
        let corporate = RatingScale.corporate
        #expect(
            corporate.grades.count == 15 && corporate.grades.first?.name == "AAA" && corporate.grades.last?.name == "D")
        #expect(corporate.defaultGrades == ["D"] && !corporate.upgradesMaySkip && !corporate.hasScores)
        #expect(RatingScale.individual.grades.count == 8 && RatingScale.individual.hasScores)
        let guarantee = RatingScale.guarantee
        #expect(guarantee.grades.count == 12 && guarantee.defaultGrades == ["loss"])
        #expect(guarantee.grade(named: "substandard1")?.provisionRatio == ExactDecimal("0.25"))
        #expect(guarantee.parts.map(\.name) == ["A", "B", "C", "D"] && guarantee.parts.last?.subtracts == true)
        #expect(
            RatingScale.agency.mapsTo == "corporate"
                && RatingScale.agency.mapping.count == RatingScale.agency.grades.count)
        #expect(policy.reviewMonths == 12)
    }

    @Test(arguments: [(100, "AAA+"), (95, "AAA+"), (94, "AAA"), (70, "A"), (69, "BBB"), (0, "C"), (-5, "C")])
    func aScoreEarnsTheFirstGradeWhoseMinimumItReaches(score: Int, grade: String) throws {
        #expect(try RatingScale.individual.scored(score: ExactDecimal(score)).grade == grade)
    }

    @Test func theGuaranteeScoreIsABCMinusD() throws {
        let scored = try RatingScale.guarantee.scored(parts: [
            PartScore(part: "A", points: ExactDecimal(45)), PartScore(part: "B", points: ExactDecimal(25)),
            PartScore(part: "C", points: ExactDecimal(18)), PartScore(part: "D", points: ExactDecimal(10)),
        ])
        #expect(scored.score == ExactDecimal(78) && scored.grade == "normal4" && scored.cappedBy == nil)
    }

    @Test func partsMustBeEachGivenOnceWithinTheirMaximum() {
        let guarantee = RatingScale.guarantee
        for parts in [
            [PartScore(part: "A", points: ExactDecimal(1))],
            [("A", 1), ("B", 1), ("C", 1), ("E", 1)].map { PartScore(part: $0.0, points: ExactDecimal($0.1)) },
            [("A", 51), ("B", 1), ("C", 1), ("D", 1)].map { PartScore(part: $0.0, points: ExactDecimal($0.1)) },
            [("A", -1), ("B", 1), ("C", 1), ("D", 1)].map { PartScore(part: $0.0, points: ExactDecimal($0.1)) },
        ] {
            #expect(throws: DomainError.self) { try guarantee.scored(parts: parts) }
        }
    }

    /// Under the bucket principle the weakest part caps the grade: 50 + 30 + 2 = 82 earns
    /// normal3, but C's 2 of 20 is a tenth, which scaled to the whole (10 of 100) earns loss.
    @Test func theWeakestPartCapsTheGradeUnderTheBucketPrinciple() throws {
        var scale = RatingScale.guarantee
        let parts = [("A", 50), ("B", 30), ("C", 2), ("D", 0)].map { PartScore(part: $0.0, points: ExactDecimal($0.1)) }
        #expect(try scale.scored(parts: parts).grade == "normal3")
        scale.bucketPrinciple = true
        let capped = try scale.scored(parts: parts)
        #expect(capped.grade == "loss" && capped.cappedBy == "C" && capped.score == ExactDecimal(82))
        // A balanced score is not capped: every part at 85% scales to 85, which earns what the total does.
        let even = [("A", "42.5"), ("B", "25.5"), ("C", "17"), ("D", "0")].map {
            PartScore(part: $0.0, points: ExactDecimal($0.1)!)
        }
        #expect(try scale.scored(parts: even).cappedBy == nil)
    }

    @Test func oneGradeDownNeverEntersDefault() {
        #expect(RatingScale.corporate.oneGradeDown(from: "BBB") == "BBB-")
        #expect(RatingScale.corporate.oneGradeDown(from: "C") == nil)
        #expect(RatingScale.corporate.oneGradeDown(from: "D") == nil)
        #expect(RatingScale.individual.oneGradeDown(from: "B") == "C")
    }

    @Test func anAgencyGradeCountsAsItsMappedGrade() {
        let policy = RatingPolicy()
        #expect(policy.grade("AA-", of: "agency", on: "corporate") == "AA")
        #expect(policy.grade("B", of: "agency", on: "corporate") == "B-")
        #expect(policy.grade("A", of: "corporate", on: "corporate") == "A")
        #expect(policy.grade("A", of: "individual", on: "corporate") == nil)
    }
}
