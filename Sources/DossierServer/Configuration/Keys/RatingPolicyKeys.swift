import DossierCore

extension ConfigKeys {
    /// `[policy.ratings]`: the rating scales and the review cycle.
    static let ratingPolicy: [ConfigKey] = [
        ConfigKey(
            "policy.ratings.review_months", .integer(1...60), \.policy.ratings.reviewMonths, reload: .applies,
            "Months from a rating's effect to its next review, at most"),
        ConfigKey(
            "policy.ratings.scales", .ratingScales, \.policy.ratings.scales, reload: .applies,
            "Rating scales: grades best first, score bands, default grades and the scales' rules"),
    ]
}
