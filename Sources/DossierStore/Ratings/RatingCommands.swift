import DossierCore
import LMDB

// How the writer runs the rating commands: each reads the rating rows (and, for an approval,
// the customer's limits) in the writer's transaction and lets `RatingDecisions` decide.

extension DecisionContext {
    /// The day of `now` in the institution's time zone: the day rules compare dates with.
    public var today: LocalDate { self.policy.calendar.localDate(of: self.now) }

    /// The caller of a command that carries the role its connection was given.
    func caller(role: String?) -> Caller { Caller(actor: self.actor, role: role) }
}

extension ProposeRating: StoreCommand {
    public typealias ReplyState = RatingState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let current = try RatingProjection.rating(self.customer, scale: self.scale, tables: context.tables, in: txn)
        let proposed = try RatingDecisions.propose(
            self, customer: try CustomerProjection.customer(self.customer, tables: context.tables, in: txn),
            current: current, policy: context.policy.ratings, today: context.today)
        return .append(
            .rating(.proposed(proposed)), occurredAt: context.now, to: .rating(self.customer, scale: self.scale),
            expected: current.map { .exact($0.version) } ?? .noStream)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .rating(self.customer, scale: self.scale) }
}

extension ApproveRating: StoreCommand {
    public typealias ReplyState = RatingState

    /// A default grade also freezes the customer's limits, in the same decision.
    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let current = try RatingProjection.rating(self.customer, scale: self.scale, tables: context.tables, in: txn)
        let approved = try RatingDecisions.approve(
            self, current: current, caller: context.caller(role: self.role), policy: context.policy.ratings)
        guard let current else { throw DomainError.noPendingRating(self.customer, scale: self.scale) }
        return DefaultPropagation.decision(
            approving: approved, rating: current,
            limits: try CreditLimitProjection.limits(.customer(self.customer), tables: context.tables, in: txn),
            now: context.now, today: context.today)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .rating(self.customer, scale: self.scale) }
}

extension WithdrawRatingProposal: StoreCommand {
    public typealias ReplyState = RatingState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        let current = try RatingProjection.rating(self.customer, scale: self.scale, tables: context.tables, in: txn)
        let withdrawn = try RatingDecisions.withdraw(self, current: current)
        return .append(
            .rating(.proposalWithdrawn(withdrawn)), occurredAt: context.now,
            to: .rating(self.customer, scale: self.scale), expected: current.map { .exact($0.version) } ?? .streamExists
        )
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .rating(self.customer, scale: self.scale) }
}

extension RunQuarterlyDowngrade: StoreCommand {
    public typealias ReplyState = RatingRuleState

    public func decide(_ context: DecisionContext, txn: borrowing WriteTransaction) throws -> Decision {
        var ratings: [CustomerID: RatingState] = [:]
        for entry in self.volumes {
            ratings[entry.customer] = try RatingProjection.rating(
                entry.customer, scale: self.scale, tables: context.tables, in: txn)
        }
        return try RatingDecisions.quarterlyDowngrade(
            self, rules: try RatingProjection.rules(of: self.scale, tables: context.tables, in: txn), ratings: ratings,
            policy: context.policy.ratings, today: context.today, now: context.now)
    }

    public func replyStream(of events: [RecordedEvent]) -> StreamID { .ratingRules(self.scale) }
}
