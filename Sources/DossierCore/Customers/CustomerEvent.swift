/// The facts of a customer's stream (`customer-<id>`).
public enum CustomerEvent: EventFamily {
    case registered(CustomerRegistered)
    case flagged(CustomerFlagged)
    case flagResolved(CustomerFlagResolved)
    case stageChanged(CustomerStageChanged)
    case tierChanged(CustomerTierChanged)

    public static let payloadTypes: [any EventPayload.Type] = [
        CustomerRegistered.self, CustomerFlagged.self, CustomerFlagResolved.self, CustomerStageChanged.self,
        CustomerTierChanged.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as CustomerRegistered: self = .registered(event)
        case let event as CustomerFlagged: self = .flagged(event)
        case let event as CustomerFlagResolved: self = .flagResolved(event)
        case let event as CustomerStageChanged: self = .stageChanged(event)
        case let event as CustomerTierChanged: self = .tierChanged(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .registered(let event): return event
        case .flagged(let event): return event
        case .flagResolved(let event): return event
        case .stageChanged(let event): return event
        case .tierChanged(let event): return event
        }
    }

    /// The customer whose stream holds the event.
    public var customer: CustomerID {
        switch self {
        case .registered(let event): return event.customer
        case .flagged(let event): return event.customer
        case .flagResolved(let event): return event.customer
        case .stageChanged(let event): return event.customer
        case .tierChanged(let event): return event.customer
        }
    }
}
