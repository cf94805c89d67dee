/// The facts of the rating streams: `rating-<customer>-<scale>` for a customer's ratings on a
/// scale, `ratingrule-<scale>` for the runs of a scale's rules.
public enum RatingEvent: EventFamily {
    case proposed(RatingProposed)
    case approved(RatingApproved)
    case proposalWithdrawn(RatingProposalWithdrawn)
    case quarterlyDowngradeRan(QuarterlyDowngradeRan)

    public static let payloadTypes: [any EventPayload.Type] = [
        RatingProposed.self, RatingApproved.self, RatingProposalWithdrawn.self, QuarterlyDowngradeRan.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as RatingProposed: self = .proposed(event)
        case let event as RatingApproved: self = .approved(event)
        case let event as RatingProposalWithdrawn: self = .proposalWithdrawn(event)
        case let event as QuarterlyDowngradeRan: self = .quarterlyDowngradeRan(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .proposed(let event): return event
        case .approved(let event): return event
        case .proposalWithdrawn(let event): return event
        case .quarterlyDowngradeRan(let event): return event
        }
    }
}
