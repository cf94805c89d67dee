extension RatingDecisions {
    /// Decides `RunQuarterlyDowngrade`: every listed customer rated on the scale whose volume is
    /// below the scale's threshold gets an ordinary `RatingApproved` one grade down, with the
    /// rule as its reason, in the same decision as the run's own record (so that a quarter runs
    /// once). A rule never moves a customer into default.
    /// - Parameter ratings: the listed customers' ratings on the scale, by customer.
    public static func quarterlyDowngrade(
        _ command: RunQuarterlyDowngrade, rules: RatingRuleState?, ratings: [CustomerID: RatingState],
        policy: RatingPolicy, today: LocalDate, now: Timestamp
    ) throws(DomainError) -> Decision {
        let scale = try policy.scale(command.scale)
        guard let threshold = scale.quarterlyVolumeThreshold else {
            throw .invalidField(
                field: "scale", reason: "\(scale.name) has no quarterly_volume_threshold in [policy.ratings]")
        }
        guard command.quarter.lastDay < today else {
            throw .invalidField(
                field: "quarter", reason: "must have ended (\(command.quarter) ends \(command.quarter.lastDay))")
        }
        if rules?.quartersRun.contains(command.quarter) == true {
            throw .ruleViolation(
                .ratingQuarterlyDowngradeOnce,
                message: "the quarterly downgrade of scale \(scale.name) already ran for \(command.quarter)",
                details: ["scale": scale.name, "quarter": command.quarter.description])
        }
        guard command.volumes.count <= 10_000 else {
            throw .invalidField(field: "volumes", reason: "must list at most 10000 customers; run the rest separately")
        }
        guard Set(command.volumes.map(\.customer)).count == command.volumes.count else {
            throw .invalidField(field: "volumes", reason: "must list each customer once")
        }
        var downgraded: [RatingDowngrade] = []
        var atLowest: [CustomerID] = []
        var unrated: [CustomerID] = []
        var appends: [Decision.Append] = []
        for entry in command.volumes.sorted(by: { $0.customer < $1.customer }) where entry.volume < threshold {
            guard let state = ratings[entry.customer], let active = state.active else {
                unrated.append(entry.customer)
                continue
            }
            guard !active.isDefault, let lower = scale.oneGradeDown(from: active.grade) else {
                atLowest.append(entry.customer)
                continue
            }
            let approved = RatingApproved(
                customer: entry.customer, scale: scale.name,
                terms: RatingTerms(
                    grade: lower, reason: .quarterlyDowngrade, effectiveOn: today, nextReviewOn: active.nextReviewOn),
                previousGrade: active.grade, proposedBy: nil, rule: Rule.ratingQuarterlyDowngrade.id, isDefault: false,
                provisionRatio: scale.grade(named: lower)?.provisionRatio,
                note: "volume \(entry.volume) in \(command.quarter) is below the threshold \(threshold)")
            downgraded.append(RatingDowngrade(customer: entry.customer, from: active.grade, to: lower))
            appends.append(
                Decision.Append(
                    to: .rating(entry.customer, scale: scale.name), expected: .exact(state.version),
                    [Decision.Event(.rating(.approved(approved)), occurredAt: now)]))
        }
        let ran = QuarterlyDowngradeRan(
            scale: scale.name, quarter: command.quarter, threshold: threshold, downgraded: downgraded,
            atLowestGrade: atLowest, unrated: unrated)
        let record = Decision.Append(
            to: .ratingRules(scale.name), expected: rules.map { .exact($0.version) } ?? .noStream,
            [Decision.Event(.rating(.quarterlyDowngradeRan(ran)), occurredAt: now)])
        return Decision([record] + appends)
    }
}
