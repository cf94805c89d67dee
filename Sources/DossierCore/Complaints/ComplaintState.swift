/// A complaint as the log says it is now.
public struct ComplaintState: Hashable, Sendable, Codable {
    public var number: ComplaintNumber
    public var customer: CustomerID
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var subject: String
    public var description: String
    public var anonymous: Bool
    public var indirect: Bool
    public var unit: String
    public var status: ComplaintStatus
    public var owner: String
    public var receivedAt: Timestamp
    public var incidentAt: Timestamp?
    public var respondBy: Timestamp
    public var resolveBy: Timestamp
    public var filedBy: Actor
    public var version: UInt64
}

extension ComplaintState: StreamState {
    /// Folds one event of the complaint's own stream into the state.
    public static func apply(_ state: ComplaintState?, _ event: DomainEvent, at metadata: EventMetadata) -> ComplaintState? {
        guard case .complaint(let event) = event else { return state }
        switch event {
        case .filed(let filed):
            return ComplaintState(
                number: filed.number, customer: filed.customer, type: filed.type, channel: filed.channel,
                level: filed.level, subject: filed.subject, description: filed.description,
                anonymous: filed.anonymous, indirect: filed.indirect, unit: filed.unit, status: .received,
                owner: filed.receiver, receivedAt: filed.receivedAt, incidentAt: filed.incidentAt,
                respondBy: filed.respondBy, resolveBy: filed.resolveBy, filedBy: metadata.actor,
                version: metadata.version
            )
        }
    }
}
