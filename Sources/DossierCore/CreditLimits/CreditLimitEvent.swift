/// The facts of the limit streams: `limit-<customer>` and `grouplimit-<group>`.
public enum CreditLimitEvent: EventFamily {
    case proposed(CreditLimitProposed)
    case approved(CreditLimitApproved)
    case rejected(CreditLimitRejected)
    case frozen(CreditLimitFrozen)
    case unfrozen(CreditLimitUnfrozen)
    case revoked(CreditLimitRevoked)

    public static let payloadTypes: [any EventPayload.Type] = [
        CreditLimitProposed.self, CreditLimitApproved.self, CreditLimitRejected.self, CreditLimitFrozen.self,
        CreditLimitUnfrozen.self, CreditLimitRevoked.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as CreditLimitProposed: self = .proposed(event)
        case let event as CreditLimitApproved: self = .approved(event)
        case let event as CreditLimitRejected: self = .rejected(event)
        case let event as CreditLimitFrozen: self = .frozen(event)
        case let event as CreditLimitUnfrozen: self = .unfrozen(event)
        case let event as CreditLimitRevoked: self = .revoked(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .proposed(let event): return event
        case .approved(let event): return event
        case .rejected(let event): return event
        case .frozen(let event): return event
        case .unfrozen(let event): return event
        case .revoked(let event): return event
        }
    }

    public var subject: CreditSubject {
        switch self {
        case .proposed(let event): return event.subject
        case .approved(let event): return event.subject
        case .rejected(let event): return event.subject
        case .frozen(let event): return event.subject
        case .unfrozen(let event): return event.subject
        case .revoked(let event): return event.subject
        }
    }
}
