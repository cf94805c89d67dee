import DossierCore
import DossierProtocol
import DossierStore

extension DossierMethods {
    static func registerRatings(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.proposeRating) { (params: ProposeRatingParams, context) in
            let command = ProposeRating(
                customer: try CustomerID.parse(params.customer, field: "customer"), scale: params.scale,
                grade: params.grade, score: params.score, parts: params.parts, reason: params.reason,
                effectiveOn: params.effectiveOn, nextReviewOn: params.nextReviewOn, note: params.note ?? "")
            return Self.queue(command, on: store, for: context, requestID: params.requestId, result: Self.ratingResult)
        }
        router.command(Method.approveRating) { (params: ApproveRatingParams, context) in
            let command = ApproveRating(
                customer: try CustomerID.parse(params.customer, field: "customer"), scale: params.scale,
                role: context.role?.rawValue, note: params.note ?? "")
            return Self.queue(
                command, on: store, for: context, requestID: params.requestId, expectedVersion: params.expectedVersion,
                result: Self.ratingResult)
        }
        router.command(Method.withdrawRating) { (params: WithdrawRatingParams, context) in
            let command = WithdrawRatingProposal(
                customer: try CustomerID.parse(params.customer, field: "customer"), scale: params.scale,
                reason: params.reason)
            return Self.queue(
                command, on: store, for: context, requestID: params.requestId, expectedVersion: params.expectedVersion,
                result: Self.ratingResult)
        }
        router.command(Method.quarterlyDowngrade) { (params: QuarterlyDowngradeParams, context) in
            let command = RunQuarterlyDowngrade(scale: params.scale, quarter: params.quarter, volumes: params.volumes)
            return Self.queue(command, on: store, for: context, requestID: params.requestId) { outcome in
                guard let first = outcome.events.first,
                    case .rating(.quarterlyDowngradeRan(let ran)) = try DomainEvent.decode(first)
                else { throw StoreError.invalidDecision("the quarterly downgrade recorded no run") }
                return QuarterlyDowngradeResult(ran, receipt: Self.receipt(outcome))
            }
        }
        router.query(Method.showRatings, cost: Self.costOfState) { (params: ShowRatingsParams, _) -> RatingsResult in
            let customer = try CustomerID.parse(params.customer, field: "customer")
            guard try store.customer(customer) != nil else { throw DomainError.customerNotFound(customer) }
            guard let scale = params.scale else {
                if params.asOf != nil { throw DomainError.invalidField(field: "asOf", reason: "needs a scale") }
                return RatingsResult(customer: customer, ratings: try store.ratings(of: customer))
            }
            let found =
                try params.asOf.map { try store.state(RatingState.self, of: .rating(customer, scale: scale), asOf: $0) }
                ?? store.rating(of: customer, scale: scale)
            return RatingsResult(customer: customer, ratings: found.map { [$0] } ?? [])
        }
        router.query(Method.ratingHistory, .long) { (params: RatingHistoryParams, _) in
            let customer = try CustomerID.parse(params.customer, field: "customer")
            _ = try store.policy.ratings.scale(params.scale)
            return RatingHistoryResult(
                customer: customer, scale: params.scale,
                ratings: try store.ratingHistory(of: customer, scale: params.scale))
        }
        router.query(Method.ratingsDue, .long) { (params: RatingsDueParams, _) in
            let limit = try Self.pageSize(params.limit)
            let asOf = params.asOf ?? store.today
            let within = params.withinDays ?? 0
            guard (0...366).contains(within) else {
                throw DomainError.invalidField(field: "withinDays", reason: "must be from 0 to 366")
            }
            let after = try params.after.map { text throws(DomainError) -> RatingReviewCursor in
                guard let cursor = RatingReviewCursor(text) else {
                    throw .invalidField(field: "after", reason: "must be a next value of an earlier page")
                }
                return cursor
            }
            let through = asOf.adding(days: within)
            let found = try store.ratingsDue(by: through, after: after, limit: limit + 1)
            let due = found.prefix(limit).compactMap { state -> DueRating? in
                guard let active = state.active else { return nil }
                return DueRating(
                    customer: state.customer, scale: state.scale, grade: active.grade,
                    nextReviewOn: active.nextReviewOn,
                    overdue: active.nextReviewOn < asOf)
            }
            let last = due.last
            return RatingsDueResult(
                asOf: asOf, through: through, due: due,
                next: found.count > limit && last != nil
                    ? RatingReviewCursor(reviewOn: last!.nextReviewOn, customer: last!.customer, scale: last!.scale)
                        .description
                    : nil)
        }
    }

    /// The reply of every command on a rating stream: the customer's ratings on the scale.
    @Sendable static func ratingResult(_ outcome: CommandOutcome<RatingState>) throws -> RatingResult {
        RatingResult(rating: try Self.replyState(outcome), receipt: Self.receipt(outcome))
    }
}
