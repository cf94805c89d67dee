/// The facts of a complaint's stream (`complaint-<number>`).
public enum ComplaintEvent: EventFamily {
    case filed(ComplaintFiled)

    public static let payloadTypes: [any EventPayload.Type] = [ComplaintFiled.self]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as ComplaintFiled: self = .filed(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .filed(let event): return event
        }
    }
}
