import DossierCore
import Foundation

// Parameters and results of the complaint methods. Field names are the wire names (camelCase).

public struct FileComplaintParams: Codable, Hashable, Sendable {
    public var customer: String
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
    public var requestId: UUID?

    public init(
        customer: String, type: ComplaintType, channel: ComplaintChannel, level: ComplaintLevel, subject: String,
        description: String? = nil, anonymous: Bool? = nil, indirect: Bool? = nil, unit: String? = nil,
        receivedAt: Timestamp? = nil, incidentAt: Timestamp? = nil, requestId: UUID? = nil
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

public struct ListComplaintsParams: Codable, Hashable, Sendable {
    public var customer: String?
    public var after: String?
    public var limit: Int?
    public init(customer: String? = nil, after: String? = nil, limit: Int? = nil) {
        self.customer = customer
        self.after = after
        self.limit = limit
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
    public var next: String?
    public init(complaints: [ComplaintState], next: String?) {
        self.complaints = complaints
        self.next = next
    }
}
