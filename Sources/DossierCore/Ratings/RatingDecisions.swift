/// The rules for proposing, approving and withdrawing ratings.
public enum RatingDecisions {
    /// Decides `ProposeRating`: the grade (from the score where the scale has scores), the
    /// dates, and the scale's rules against the active rating.
    public static func propose(
        _ command: ProposeRating, customer: CustomerState?, current: RatingState?, policy: RatingPolicy,
        today: LocalDate
    ) throws(DomainError) -> RatingProposed {
        guard customer != nil else { throw .customerNotFound(command.customer) }
        let scale = try policy.scale(command.scale)
        if let pending = current?.pending {
            throw .ruleViolation(
                .ratingOnePending,
                message:
                    "customer \(command.customer) already has a rating proposal (\(pending.grade)) pending on scale "
                    + "\(scale.name); approve or withdraw it first",
                details: ["customer": command.customer.rawValue, "scale": scale.name, "pending": pending.grade])
        }
        guard command.reason != .quarterlyDowngrade else {
            throw .invalidField(
                field: "reason", reason: "quarterly_downgrade is given only by rating.quarterly-downgrade")
        }
        guard command.note.count <= 10_000 else {
            throw .invalidField(field: "note", reason: "must be at most 10000 characters")
        }
        let (grade, score, cappedBy) = try Self.grade(of: command, on: scale)
        if command.reason == .default, !scale.defaultGrades.isEmpty, !scale.isDefault(grade) {
            throw .ruleViolation(
                .ratingDefaultReason,
                message: "a rating for the reason default must have a default grade of scale \(scale.name) ("
                    + scale.defaultGrades.joined(separator: ", ") + "), not \(grade)",
                details: ["scale": scale.name, "grade": grade])
        }
        let effectiveOn = command.effectiveOn ?? today
        guard effectiveOn <= today else {
            throw .invalidField(field: "effectiveOn", reason: "must not be in the future")
        }
        if let active = current?.active, effectiveOn < active.effectiveOn {
            throw .invalidField(
                field: "effectiveOn",
                reason: "must not be before the active rating's effective day \(active.effectiveOn)")
        }
        let latestReview = effectiveOn.adding(months: policy.reviewMonths)
        let nextReviewOn = command.nextReviewOn ?? latestReview
        guard nextReviewOn > effectiveOn, nextReviewOn <= latestReview else {
            throw .invalidField(
                field: "nextReviewOn",
                reason: "must be after effectiveOn and at most \(policy.reviewMonths) months after it (\(latestReview))"
            )
        }
        try Self.checkUpgrade(to: grade, from: current?.active, on: scale, customer: command.customer)
        let terms = RatingTerms(
            grade: grade, score: score, parts: command.parts, cappedBy: cappedBy, reason: command.reason,
            effectiveOn: effectiveOn, nextReviewOn: nextReviewOn)
        return RatingProposed(customer: command.customer, scale: scale.name, terms: terms, note: command.note)
    }

    /// Decides `ApproveRating`: someone other than the rater, in a role the scale allows,
    /// approves the pending proposal, which becomes the active rating.
    public static func approve(
        _ command: ApproveRating, current: RatingState?, caller: Caller, policy: RatingPolicy
    ) throws(DomainError) -> RatingApproved {
        guard let current, let pending = current.pending else {
            throw .noPendingRating(command.customer, scale: command.scale)
        }
        let scale = try policy.scale(command.scale)
        guard !caller.isSamePerson(as: pending.proposedBy) else {
            throw .ruleViolation(
                .ratingFourEyes,
                message: "\(caller.actor.user) proposed this rating and may not approve it; another approver must",
                details: [
                    "customer": command.customer.rawValue, "scale": scale.name, "proposer": pending.proposedBy.user,
                ])
        }
        guard let role = caller.role, scale.approverRoles.contains(role) else {
            throw .ruleViolation(
                .ratingApproverRole,
                message: "ratings on scale \(scale.name) are approved by "
                    + scale.approverRoles.joined(separator: ", ") + ", not by role \(caller.role ?? "none")",
                details: ["scale": scale.name, "role": caller.role ?? "none"])
        }
        guard let grade = scale.grade(named: pending.grade) else {
            throw .invalidField(field: "grade", reason: "\(pending.grade) is no longer a grade of scale \(scale.name)")
        }
        guard command.note.count <= 10_000 else {
            throw .invalidField(field: "note", reason: "must be at most 10000 characters")
        }
        try Self.checkUpgrade(to: pending.grade, from: current.active, on: scale, customer: command.customer)
        return RatingApproved(
            customer: command.customer, scale: scale.name, terms: pending.terms, previousGrade: current.active?.grade,
            proposedBy: pending.proposedBy.user, rule: nil, isDefault: scale.isDefault(grade.name),
            provisionRatio: grade.provisionRatio, note: command.note)
    }

    /// Decides `WithdrawRatingProposal`: the pending proposal goes, with a reason.
    public static func withdraw(_ command: WithdrawRatingProposal, current: RatingState?) throws(DomainError)
        -> RatingProposalWithdrawn
    {
        guard let pending = current?.pending else { throw .noPendingRating(command.customer, scale: command.scale) }
        let reason = command.reason.trimmingWhitespace()
        guard !reason.isEmpty, reason.count <= 200 else {
            throw .invalidField(field: "reason", reason: "must be 1 to 200 characters")
        }
        return RatingProposalWithdrawn(
            customer: command.customer, scale: command.scale, grade: pending.grade, reason: reason)
    }

    /// The grade a proposal gives, with its score and the part that capped it: from the parts
    /// or the score on scales with scores (a grade given too must agree), as given otherwise.
    static func grade(of command: ProposeRating, on scale: RatingScale) throws(DomainError)
        -> (grade: String, score: ExactDecimal?, cappedBy: String?)
    {
        let scored: ScoredGrade?
        if !scale.parts.isEmpty {
            guard let parts = command.parts else {
                throw .invalidField(
                    field: "parts",
                    reason: "scale \(scale.name) scores by parts: "
                        + scale.parts.map(\.name).joined(separator: ", "))
            }
            scored = try scale.scored(parts: parts)
            if let score = command.score, score != scored?.score {
                throw .invalidField(
                    field: "score", reason: "must be the sum of the parts (\(scored!.score)) or left out")
            }
        } else if scale.hasScores {
            guard command.parts == nil else {
                throw .invalidField(field: "parts", reason: "scale \(scale.name) has no parts")
            }
            guard let score = command.score else {
                throw .invalidField(field: "score", reason: "scale \(scale.name) grades by score: give one")
            }
            scored = try scale.scored(score: score)
        } else {
            guard command.score == nil, command.parts == nil else {
                throw .invalidField(field: "score", reason: "scale \(scale.name) has no scores: give a grade only")
            }
            scored = nil
        }
        guard let scored else {
            guard let grade = command.grade, scale.rank(of: grade) != nil else {
                throw .invalidField(field: "grade", reason: "must be one of \(scale.gradeList)")
            }
            return (grade, nil, nil)
        }
        if let grade = command.grade, grade != scored.grade {
            throw .ruleViolation(
                .ratingGradeFollowsScore,
                message: "a score of \(scored.score) earns \(scored.grade) on scale \(scale.name)"
                    + (scored.cappedBy.map { " (capped by part \($0))" } ?? "") + ", not \(grade)",
                details: [
                    "scale": scale.name, "score": scored.score.description, "grade": grade, "earned": scored.grade,
                ])
        }
        return (scored.grade, scored.score, scored.cappedBy)
    }

    /// Refuses an upgrade of more than one grade on a scale whose upgrades may not skip.
    static func checkUpgrade(to grade: String, from active: Rating?, on scale: RatingScale, customer: CustomerID)
        throws(DomainError)
    {
        guard !scale.upgradesMaySkip, let active, let from = scale.rank(of: active.grade),
            let to = scale.rank(of: grade), to < from - 1
        else { return }
        throw .ruleViolation(
            .ratingOneStepUpgrade,
            message: "scale \(scale.name) upgrades one grade at a time: from \(active.grade) the best next rating is "
                + "\(scale.grades[from - 1].name), not \(grade)",
            details: ["customer": customer.rawValue, "scale": scale.name, "from": active.grade, "to": grade])
    }
}
