/// The facts of the complaint room: of a complaint's stream (`complaint-<number>`) and of a
/// group incident's (`incident-<id>`).
public enum ComplaintEvent: EventFamily {
    case filed(ComplaintFiled)
    case acknowledged(ComplaintAcknowledged)
    case handedOver(ComplaintHandedOver)
    case investigationStarted(ComplaintInvestigationStarted)
    case temporaryMeasureTaken(ComplaintTemporaryMeasureTaken)
    case resolved(ComplaintResolved)
    case revisited(ComplaintRevisited)
    case closed(ComplaintClosed)
    case rejected(ComplaintRejected)
    case withdrawn(ComplaintWithdrawn)
    case returned(ComplaintReturned)
    case reopened(ComplaintReopened)
    case escalated(ComplaintEscalated)
    case extensionRequested(ComplaintExtensionRequested)
    case extensionGranted(ComplaintExtensionGranted)
    case extensionRefused(ComplaintExtensionRefused)
    case clockPaused(ComplaintClockPaused)
    case clockResumed(ComplaintClockResumed)
    case outcomeRecorded(ComplaintOutcomeRecorded)
    case compensationProposed(ComplaintCompensationProposed)
    case compensationApproved(ComplaintCompensationApproved)
    case compensationRefused(ComplaintCompensationRefused)
    case eightDStepRecorded(ComplaintEightDStepRecorded)
    case linkedToIncident(ComplaintLinkedToIncident)
    case incidentRaised(GroupIncidentRaised)
    case incidentJoined(GroupIncidentJoined)

    public static let payloadTypes: [any EventPayload.Type] = [
        ComplaintFiled.self, ComplaintAcknowledged.self, ComplaintHandedOver.self, ComplaintInvestigationStarted.self,
        ComplaintTemporaryMeasureTaken.self, ComplaintResolved.self, ComplaintRevisited.self, ComplaintClosed.self,
        ComplaintRejected.self, ComplaintWithdrawn.self, ComplaintReturned.self, ComplaintReopened.self,
        ComplaintEscalated.self, ComplaintExtensionRequested.self, ComplaintExtensionGranted.self,
        ComplaintExtensionRefused.self, ComplaintClockPaused.self, ComplaintClockResumed.self,
        ComplaintOutcomeRecorded.self, ComplaintCompensationProposed.self, ComplaintCompensationApproved.self,
        ComplaintCompensationRefused.self, ComplaintEightDStepRecorded.self, ComplaintLinkedToIncident.self,
        GroupIncidentRaised.self, GroupIncidentJoined.self,
    ]

    public init?(payload: any EventPayload) {
        switch payload {
        case let event as ComplaintFiled: self = .filed(event)
        case let event as ComplaintAcknowledged: self = .acknowledged(event)
        case let event as ComplaintHandedOver: self = .handedOver(event)
        case let event as ComplaintInvestigationStarted: self = .investigationStarted(event)
        case let event as ComplaintTemporaryMeasureTaken: self = .temporaryMeasureTaken(event)
        case let event as ComplaintResolved: self = .resolved(event)
        case let event as ComplaintRevisited: self = .revisited(event)
        case let event as ComplaintClosed: self = .closed(event)
        case let event as ComplaintRejected: self = .rejected(event)
        case let event as ComplaintWithdrawn: self = .withdrawn(event)
        case let event as ComplaintReturned: self = .returned(event)
        case let event as ComplaintReopened: self = .reopened(event)
        case let event as ComplaintEscalated: self = .escalated(event)
        case let event as ComplaintExtensionRequested: self = .extensionRequested(event)
        case let event as ComplaintExtensionGranted: self = .extensionGranted(event)
        case let event as ComplaintExtensionRefused: self = .extensionRefused(event)
        case let event as ComplaintClockPaused: self = .clockPaused(event)
        case let event as ComplaintClockResumed: self = .clockResumed(event)
        case let event as ComplaintOutcomeRecorded: self = .outcomeRecorded(event)
        case let event as ComplaintCompensationProposed: self = .compensationProposed(event)
        case let event as ComplaintCompensationApproved: self = .compensationApproved(event)
        case let event as ComplaintCompensationRefused: self = .compensationRefused(event)
        case let event as ComplaintEightDStepRecorded: self = .eightDStepRecorded(event)
        case let event as ComplaintLinkedToIncident: self = .linkedToIncident(event)
        case let event as GroupIncidentRaised: self = .incidentRaised(event)
        case let event as GroupIncidentJoined: self = .incidentJoined(event)
        default: return nil
        }
    }

    public var payload: any EventPayload {
        switch self {
        case .filed(let event): return event
        case .acknowledged(let event): return event
        case .handedOver(let event): return event
        case .investigationStarted(let event): return event
        case .temporaryMeasureTaken(let event): return event
        case .resolved(let event): return event
        case .revisited(let event): return event
        case .closed(let event): return event
        case .rejected(let event): return event
        case .withdrawn(let event): return event
        case .returned(let event): return event
        case .reopened(let event): return event
        case .escalated(let event): return event
        case .extensionRequested(let event): return event
        case .extensionGranted(let event): return event
        case .extensionRefused(let event): return event
        case .clockPaused(let event): return event
        case .clockResumed(let event): return event
        case .outcomeRecorded(let event): return event
        case .compensationProposed(let event): return event
        case .compensationApproved(let event): return event
        case .compensationRefused(let event): return event
        case .eightDStepRecorded(let event): return event
        case .linkedToIncident(let event): return event
        case .incidentRaised(let event): return event
        case .incidentJoined(let event): return event
        }
    }
}
