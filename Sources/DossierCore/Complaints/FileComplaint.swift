/// Command: record a complaint as it is received.
public struct FileComplaint: Hashable, Sendable, Codable {
    /// The registered customer complaining; nil only for an anonymous complaint.
    public var customer: CustomerID?
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    /// The product, account or event complained about (used to spot duplicates and group complaints).
    public var subject: String
    public var description: String
    /// The complainant did not give a name.
    public var anonymous: Bool
    /// Received via a regulator or a third party rather than from the customer.
    public var indirect: Bool
    /// The receiving unit's code; the configured default unit when absent.
    public var unit: String?
    /// When the complaint was received; the recording time when absent.
    public var receivedAt: Timestamp?
    /// When the complained-about event happened, if known.
    public var incidentAt: Timestamp?
    /// One person or many together.
    public var scope: ComplaintScope
    /// The complainant is abroad: the close clock is `close_foreign`.
    public var foreign: Bool
    /// The complaint's id in the system it was imported from, kept beside our number.
    public var externalID: String?
    /// The compensation the complainant demands, if any.
    public var claim: DecimalAmount?
    /// Set by `ReopenComplaint`: the closed complaint this one reopens.
    public var reopenedFrom: ComplaintNumber?

    public init(
        customer: CustomerID?, type: ComplaintType, channel: ComplaintChannel, level: ComplaintLevel,
        subject: String, description: String = "", anonymous: Bool = false, indirect: Bool = false,
        unit: String? = nil, receivedAt: Timestamp? = nil, incidentAt: Timestamp? = nil,
        scope: ComplaintScope = .individual, foreign: Bool = false, externalID: String? = nil,
        claim: DecimalAmount? = nil, reopenedFrom: ComplaintNumber? = nil
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
        self.externalID = externalID
        self.claim = claim
        self.reopenedFrom = reopenedFrom
    }
}

/// Event: a complaint was received and numbered, with its deadlines and the rule that set them.
public struct ComplaintFiled: EventPayload {
    public static let typeName = "ComplaintFiled"
    /// 2: anonymous complaints without a customer, scope, foreign, external id, claim, the
    /// running count's series, temporary-measure and close deadlines, the deadline basis and
    /// `reopenedFrom`. Schema 1 events are upcast on reading (`ComplaintFiledV1`).
    public static let schemaVersion: UInt16 = 2

    public var number: ComplaintNumber
    public var customer: CustomerID?
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var subject: String
    public var description: String
    public var anonymous: Bool
    public var indirect: Bool
    public var unit: String
    public var receivedAt: Timestamp
    public var incidentAt: Timestamp?
    /// The first receiver, who owns the complaint until it is formally handed over.
    public var receiver: String
    public var respondBy: Timestamp
    public var resolveBy: Timestamp
    public var scope: ComplaintScope
    public var foreign: Bool
    public var externalId: String?
    public var claim: DecimalAmount?
    /// The running count this number continues (`ComplaintPolicy.numberingSeries`) and its
    /// running number in it.
    public var series: String
    public var running: Int
    public var temporaryMeasureBy: Timestamp?
    public var closeBy: Timestamp?
    public var basis: DeadlineBasis?
    public var reopenedFrom: ComplaintNumber?
}

extension FileComplaint: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .complaint(.filed(let filed)) = first else { return false }
        // Defaults (unit, receiving time) were filled in by the first try; a retry that leaves
        // them out is still the same request.
        return filed.customer == self.customer && filed.type == self.type && filed.channel == self.channel
            && filed.level == self.level && filed.subject == self.subject.trimmingWhitespace()
            && filed.description == self.description && filed.anonymous == self.anonymous
            && filed.indirect == self.indirect && (self.unit == nil || self.unit == filed.unit)
            && (self.receivedAt == nil || self.receivedAt == filed.receivedAt) && filed.incidentAt == self.incidentAt
            && filed.scope == self.scope && filed.foreign == self.foreign
            && filed.externalId == self.externalID && filed.claim == self.claim
            && filed.reopenedFrom == self.reopenedFrom
    }
}
