// Group complaints (群体投诉): enough distinct customers complaining about one subject within
// the window raise a group incident, on its own stream `incident-<id>`.

/// Event (incident stream): a group incident was raised by the complaint `raisedBy`, linking
/// every complaint about its subject within the window.
public struct GroupIncidentRaised: EventPayload {
    public static let typeName = "GroupIncidentRaised"
    public static let schemaVersion: UInt16 = 1
    public var incident: String
    public var subject: String
    public var subjectKey: String
    public var raisedBy: ComplaintNumber
    public var complaints: [ComplaintNumber]
    public var customers: [CustomerID]
    public var level: ComplaintLevel
    /// A group incident that may become a mass incident is reported to the local regulator.
    public var reportToRegulator: Bool
    public var reportBy: Timestamp?
    /// What decided it: the distinct customers and the window.
    public var threshold: Int
    public var window: ServiceDuration
}

/// Event (incident stream): a later complaint about the subject joined the incident.
public struct GroupIncidentJoined: EventPayload {
    public static let typeName = "GroupIncidentJoined"
    public static let schemaVersion: UInt16 = 1
    public var incident: String
    public var complaint: ComplaintNumber
    public var customer: CustomerID
}

/// Event (complaint stream): the complaint belongs to a group incident and was raised to the
/// group level, its deadlines counted again from receipt under `basis`.
public struct ComplaintLinkedToIncident: EventPayload {
    public static let typeName = "ComplaintLinkedToIncident"
    public static let schemaVersion: UInt16 = 1
    public var number: ComplaintNumber
    public var incident: String
    public var level: ComplaintLevel
    public var deadlines: ComplaintDeadlines
    public var basis: DeadlineBasis
}
