// The scales `[policy.ratings]` holds when the config names none: DOMAIN.md's defaults.

extension RatingScale {
    /// Corporate customers: 15 grades, D means default; upgrades one grade at a time.
    public static let corporate = RatingScale(
        name: "corporate", displayName: "对公客户信用评级",
        grades: ["AAA", "AA", "A", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B-", "CCC", "CC", "C", "D"]
            .map { Grade($0) },
        defaultGrades: ["D"], upgradesMaySkip: false)

    /// Individuals: 8 grades on 100 points (AAA+ from 95, AAA from 90, ...); no grade means
    /// default (an individual's default is a flag), upgrades may skip.
    public static let individual = RatingScale(
        name: "individual", displayName: "个人客户信用评级",
        grades: [("AAA+", 95), ("AAA", 90), ("AA", 80), ("A", 70), ("BBB", 60), ("BB", 50), ("B", 40), ("C", 0)].map {
            Grade($0.0, minimumScore: ExactDecimal($0.1))
        })

    /// Guarantee business (担保业务风险分类): 12 levels, normal 1-4 (正常), special mention 1-3
    /// (关注), substandard 1-2 (次级), doubtful 1-2 (可疑) and loss (损失), the default; the
    /// score is A + B + C - D, and each level sets aside its provision ratio of the balance.
    public static let guarantee = RatingScale(
        name: "guarantee", displayName: "担保业务风险分类",
        grades: [
            ("normal1", 90, "0.01"), ("normal2", 85, "0.01"), ("normal3", 80, "0.015"), ("normal4", 75, "0.015"),
            ("special_mention1", 70, "0.02"), ("special_mention2", 65, "0.03"), ("special_mention3", 60, "0.05"),
            ("substandard1", 50, "0.25"), ("substandard2", 40, "0.35"), ("doubtful1", 30, "0.5"),
            ("doubtful2", 20, "0.75"), ("loss", 0, "1"),
        ].map { Grade($0.0, minimumScore: ExactDecimal($0.1), provisionRatio: ExactDecimal($0.2)) },
        defaultGrades: ["loss"], upgradesMaySkip: false,
        parts: [
            Part("A", maximum: ExactDecimal(50)), Part("B", maximum: ExactDecimal(30)),
            Part("C", maximum: ExactDecimal(20)),
            Part("D", maximum: ExactDecimal(100), subtracts: true),
        ])

    /// An external agency's scale, imported and counted on the corporate scale: AA+, AA and AA-
    /// are the bank's AA, and so on; B, which the corporate scale lacks, counts as B-.
    public static let agency = RatingScale(
        name: "agency", displayName: "外部评级",
        grades: [
            "AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
            "CCC", "CC", "C", "D",
        ].map { Grade($0) },
        defaultGrades: ["D"], mapsTo: "corporate",
        mapping: [
            "AAA": "AAA", "AA+": "AA", "AA": "AA", "AA-": "AA", "A+": "A", "A": "A", "A-": "A", "BBB+": "BBB+",
            "BBB": "BBB", "BBB-": "BBB-", "BB+": "BB+", "BB": "BB", "BB-": "BB-", "B+": "B+", "B": "B-", "B-": "B-",
            "CCC": "CCC", "CC": "CC", "C": "C", "D": "D",
        ])
}
