/// A group incident as the log says it is now: the complaints about one subject that made it
/// and joined it.
public struct GroupIncidentState: Hashable, Sendable, Codable {
    public var id: String
    public var subject: String
    public var subjectKey: String
    public var raisedBy: ComplaintNumber
    public var raisedAt: Timestamp
    public var complaints: [ComplaintNumber]
    public var customers: [CustomerID]
    public var level: ComplaintLevel
    public var reportToRegulator: Bool
    public var reportBy: Timestamp?
    /// When the latest of its complaints was received: later complaints about the subject
    /// within the window of it join the incident.
    public var lastReceivedAt: Timestamp
    public var version: UInt64
}

extension GroupIncidentState: StreamState {
    public static func apply(
        _ state: GroupIncidentState?, _ event: DomainEvent, at metadata: EventMetadata
    )
        -> GroupIncidentState?
    {
        guard case .complaint(let event) = event else { return state }
        switch event {
        case .incidentRaised(let raised):
            return GroupIncidentState(
                id: raised.incident, subject: raised.subject, subjectKey: raised.subjectKey, raisedBy: raised.raisedBy,
                raisedAt: metadata.occurredAt, complaints: raised.complaints, customers: raised.customers,
                level: raised.level, reportToRegulator: raised.reportToRegulator, reportBy: raised.reportBy,
                lastReceivedAt: metadata.occurredAt, version: metadata.version)
        case .incidentJoined(let joined):
            guard var state else { return nil }
            state.complaints.append(joined.complaint)
            if !state.customers.contains(joined.customer) { state.customers.append(joined.customer) }
            state.lastReceivedAt = max(state.lastReceivedAt, metadata.occurredAt)
            state.version = metadata.version
            return state
        default:
            return state
        }
    }
}

extension StreamID {
    /// `incident-<id>`: a group incident of complaints about one subject.
    public static func incident(_ id: String) -> StreamID { StreamID(rawValue: "incident-\(id)") }

    /// The group incident whose stream this is, when it is one.
    public var incidentID: String? { self.suffix(after: "incident-") }
}

/// How subjects are compared for duplicates and group complaints: case, surrounding and
/// repeated spaces do not matter.
public enum ComplaintSubject {
    public static func key(_ subject: String) -> String {
        subject.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
