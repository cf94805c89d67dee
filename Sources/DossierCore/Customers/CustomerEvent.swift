/// The facts of a customer's stream (`customer-<id>`).
public enum CustomerEvent: EventFamily {
    case registered(CustomerRegistered)
    case flagged(CustomerFlagged)
    case flagResolved(CustomerFlagResolved)

    public static let payloadTypes: [any EventPayload.Type] = [
        CustomerRegistered.self, CustomerFlagged.self, CustomerFlagResolved.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as CustomerRegistered: self = .registered(event)
        case let event as CustomerFlagged: self = .flagged(event)
        case let event as CustomerFlagResolved: self = .flagResolved(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .registered(let event): return event
        case .flagged(let event): return event
        case .flagResolved(let event): return event
        }
    }
}
