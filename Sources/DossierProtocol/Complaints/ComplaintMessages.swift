import DossierCore
import Foundation

// Parameters and results of the complaint methods. Field names are the wire names (camelCase).

public struct FileComplaintParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var subject: String
    public var description: String?
    public var anonymous: Bool?
    public var indirect: Bool?
    public var unit: String?
    public var receivedAt: Timestamp?
    public var incidentAt: Timestamp?
    public var scope: ComplaintScope?
    public var foreign: Bool?
    public var externalId: String?
    public var claim: DecimalAmount?
    public var requestId: UUID?

    public init(
        customer: String?, type: ComplaintType, channel: ComplaintChannel, level: ComplaintLevel, subject: String,
        description: String? = nil, anonymous: Bool? = nil, indirect: Bool? = nil, unit: String? = nil,
        receivedAt: Timestamp? = nil, incidentAt: Timestamp? = nil, scope: ComplaintScope? = nil, foreign: Bool? = nil,
        externalId: String? = nil, claim: DecimalAmount? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.type = type
        self.channel = channel
        self.level = level
        self.subject = subject
        self.description = description
        self.anonymous = anonymous
        self.indirect = indirect
        self.unit = unit
        self.receivedAt = receivedAt
        self.incidentAt = incidentAt
        self.scope = scope
        self.foreign = foreign
        self.externalId = externalId
        self.claim = claim
        self.requestId = requestId
    }
}

public struct ComplaintNumberParams: Codable, Hashable, Sendable, AsOfParams {
    public var number: String
    /// Show the complaint as the log showed it at this time (log time), not now.
    public var asOf: Timestamp?
    public init(number: String, asOf: Timestamp? = nil) {
        self.number = number
        self.asOf = asOf
    }
}

public struct ListComplaintsParams: Codable, Hashable, Sendable, AsOfParams {
    public var customer: String?
    public var status: [ComplaintStatus]?
    public var level: [ComplaintLevel]?
    public var type: [ComplaintType]?
    public var channel: [ComplaintChannel]?
    public var owner: String?
    public var unit: String?
    public var dueBefore: Timestamp?
    public var dueToday: Bool?
    public var overdue: Bool?
    public var atRisk: Bool?
    public var breached: Bool?
    public var after: String?
    public var limit: Int?
    /// The list as the log showed it at this time, with the clocks judged then.
    public var asOf: Timestamp?

    public init(
        customer: String? = nil, status: [ComplaintStatus]? = nil, level: [ComplaintLevel]? = nil,
        type: [ComplaintType]? = nil, channel: [ComplaintChannel]? = nil, owner: String? = nil, unit: String? = nil,
        dueBefore: Timestamp? = nil, dueToday: Bool? = nil, overdue: Bool? = nil, atRisk: Bool? = nil,
        breached: Bool? = nil, after: String? = nil, limit: Int? = nil, asOf: Timestamp? = nil
    ) {
        self.customer = customer
        self.status = status
        self.level = level
        self.type = type
        self.channel = channel
        self.owner = owner
        self.unit = unit
        self.dueBefore = dueBefore
        self.dueToday = dueToday
        self.overdue = overdue
        self.atRisk = atRisk
        self.breached = breached
        self.after = after
        self.limit = limit
        self.asOf = asOf
    }
}

public struct ReopenComplaintParams: Codable, Hashable, Sendable {
    public var number: String
    public var reason: String
    public var level: ComplaintLevel?
    public var receivedAt: Timestamp?
    public var requestId: UUID?

    public init(
        number: String, reason: String, level: ComplaintLevel? = nil, receivedAt: Timestamp? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.reason = reason
        self.level = level
        self.receivedAt = receivedAt
        self.requestId = requestId
    }
}

public struct ComplaintStatisticsParams: Codable, Hashable, Sendable, AsOfParams {
    public var month: String?
    public var from: LocalDate?
    public var to: LocalDate?
    public var asOf: Timestamp?

    public init(month: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil, asOf: Timestamp? = nil) {
        self.month = month
        self.from = from
        self.to = to
        self.asOf = asOf
    }
}

public struct IncidentParams: Codable, Hashable, Sendable, AsOfParams {
    public var id: String
    public var asOf: Timestamp?
    public init(id: String, asOf: Timestamp? = nil) {
        self.id = id
        self.asOf = asOf
    }
}

public struct ComplaintResult: Codable, Hashable, Sendable {
    public var complaint: ComplaintState
    public var receipt: AppendReceipt?
    public init(complaint: ComplaintState, receipt: AppendReceipt? = nil) {
        self.complaint = complaint
        self.receipt = receipt
    }
}

public struct ComplaintsResult: Codable, Hashable, Sendable {
    public var complaints: [ComplaintState]
    /// The clocks of each complaint, in the same order, at `asOf`.
    public var due: [ComplaintDue]?
    /// The daemon's time the clocks were read at.
    public var asOf: Timestamp?
    public var next: String?
    public init(complaints: [ComplaintState], due: [ComplaintDue]? = nil, asOf: Timestamp? = nil, next: String?) {
        self.complaints = complaints
        self.due = due
        self.asOf = asOf
        self.next = next
    }
}

public struct ComplaintStatisticsResult: Codable, Hashable, Sendable {
    public var statistics: ComplaintStatistics
    /// The daemon's time the statistics were computed at.
    public var asOf: Timestamp
    public init(statistics: ComplaintStatistics, asOf: Timestamp) {
        self.statistics = statistics
        self.asOf = asOf
    }
}

public struct IncidentResult: Codable, Hashable, Sendable {
    public var incident: GroupIncidentState
    public init(incident: GroupIncidentState) { self.incident = incident }
}
