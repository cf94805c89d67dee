/// A rating that means default freezes the customer's credit at once (DOMAIN.md): the rating's
/// approval and a freeze of every limit in force are one decision, appended to both streams in
/// one transaction with one causation id.
public enum DefaultPropagation {
    /// The decision for an approved rating: its event on the rating stream and, when its grade
    /// means default, a `CreditLimitFrozen` for each of the customer's limits in force.
    ///
    /// A pending limit proposal stays pending: its approval would raise the credit of a
    /// customer in default, which `limit.not_in_default` refuses.
    public static func decision(
        approving approved: RatingApproved, rating: RatingState, limits: CreditLimitsState?, now: Timestamp,
        today: LocalDate
    ) -> Decision {
        var appends = [
            Decision.Append(
                to: .rating(approved.customer, scale: approved.scale), expected: .exact(rating.version),
                [Decision.Event(.rating(.approved(approved)), occurredAt: now)])
        ]
        if approved.isDefault, let limits {
            let inForce = limits.limits.filter { $0.status(on: today) == .approved }
            let freezes = inForce.map { limit in
                Decision.Event(
                    .creditLimit(
                        .frozen(
                            CreditLimitFrozen(
                                subject: limits.subject, number: limit.number,
                                reason: "rating \(approved.grade) on scale \(approved.scale) means default",
                                defaultRating: DefaultRating(scale: approved.scale, grade: approved.grade)))),
                    occurredAt: now)
            }
            if !freezes.isEmpty {
                appends.append(Decision.Append(to: limits.subject.stream, expected: .exact(limits.version), freezes))
            }
        }
        return Decision(appends)
    }
}
