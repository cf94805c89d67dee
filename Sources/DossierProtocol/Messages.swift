import DossierCore
import Foundation

// Parameters and results of each method. Field names are the wire names (camelCase).

public struct HelloResult: Codable, Hashable, Sendable {
    public var server: String
    public var version: String
    public var protocolVersion: Int
    /// The uid the daemon runs as (its effective uid). Optional so that this client still reads
    /// the hello of a daemon from before the field; such a daemon leaves it out.
    public var serverUid: UInt32?
    /// The caller's uid, as the kernel reported it to the daemon.
    public var uid: UInt32
    public var user: String
    public var role: Role?

    public init(
        server: String, version: String, protocolVersion: Int, serverUid: UInt32?, uid: UInt32, user: String,
        role: Role?
    ) {
        self.server = server
        self.version = version
        self.protocolVersion = protocolVersion
        self.serverUid = serverUid
        self.uid = uid
        self.user = user
        self.role = role
    }
}

public struct MethodsResult: Codable, Hashable, Sendable {
    public var methods: [Method]
    public init(methods: [Method]) { self.methods = methods }
}

// MARK: - Customers

public struct RegisterCustomerParams: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: CustomerKind
    public var stage: PoolStage?
    public var tier: CustomerTier?
    public var requestId: UUID?

    public init(id: String, name: String, kind: CustomerKind, stage: PoolStage? = nil, tier: CustomerTier? = nil, requestId: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stage = stage
        self.tier = tier
        self.requestId = requestId
    }
}

public struct FlagCustomerParams: Codable, Hashable, Sendable {
    public var customer: String
    public var kind: FlagKind
    public var source: String
    public var detail: String?
    public var observedOn: LocalDate?
    public var response: FlagResponse?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        customer: String, kind: FlagKind, source: String, detail: String? = nil, observedOn: LocalDate? = nil,
        response: FlagResponse? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.customer = customer
        self.kind = kind
        self.source = source
        self.detail = detail
        self.observedOn = observedOn
        self.response = response
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }
}

/// Params that may ask for a state as of a past time instead of now.
public protocol AsOfParams {
    var asOf: Timestamp? { get }
}

public struct CustomerIDParams: Codable, Hashable, Sendable, AsOfParams {
    public var id: String
    /// Show the customer as the log showed them at this time (log time), not now.
    public var asOf: Timestamp?
    public init(id: String, asOf: Timestamp? = nil) {
        self.id = id
        self.asOf = asOf
    }
}

public struct ListCustomersParams: Codable, Hashable, Sendable {
    public var after: String?
    public var limit: Int?
    public init(after: String? = nil, limit: Int? = nil) {
        self.after = after
        self.limit = limit
    }
}

/// Where a command's first event landed.
public struct AppendReceipt: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var eventId: UUID
    /// A retry that found the original instead of appending again.
    public var deduplicated: Bool

    public init(sequence: UInt64, eventId: UUID, deduplicated: Bool) {
        self.sequence = sequence
        self.eventId = eventId
        self.deduplicated = deduplicated
    }
}

public struct CustomerResult: Codable, Hashable, Sendable {
    public var customer: CustomerState
    public var receipt: AppendReceipt?
    /// Kinds of confidential fields left out for the caller's role (e.g. `["badRecords"]`);
    /// absent when nothing was.
    public var withheld: [String]? = nil
    public init(customer: CustomerState, receipt: AppendReceipt? = nil) {
        self.customer = customer
        self.receipt = receipt
    }
}

public struct CustomersResult: Codable, Hashable, Sendable {
    public var customers: [CustomerState]
    /// Pass as `after` for the next page; absent on the last page.
    public var next: String?
    /// Kinds of confidential fields left out for the caller's role (e.g. `["badRecords"]`);
    /// absent when nothing was.
    public var withheld: [String]? = nil
    public init(customers: [CustomerState], next: String?) {
        self.customers = customers
        self.next = next
    }
}

// MARK: - Complaints

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

public struct ReplayResult: Codable, Hashable, Sendable {
    /// The stored projections equal a rebuild from the log, byte for byte.
    public var matches: Bool
    public var events: UInt64
    public var rows: Int
    /// The first differing rows, as `table/key` sentences.
    public var mismatches: [String]
    public init(matches: Bool, events: UInt64, rows: Int, mismatches: [String]) {
        self.matches = matches
        self.events = events
        self.rows = rows
        self.mismatches = mismatches
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

// MARK: - Log and audit

public struct ReadLogParams: Codable, Hashable, Sendable {
    public var stream: String?
    public var from: UInt64?
    public var limit: Int?
    public init(stream: String? = nil, from: UInt64? = nil, limit: Int? = nil) {
        self.stream = stream
        self.from = from
        self.limit = limit
    }
}

/// An event as the wire shows it: the envelope plus the payload as JSON.
public struct EventView: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var id: UUID
    public var stream: String
    public var version: UInt64
    public var type: String
    public var schemaVersion: UInt16
    public var occurredAt: Timestamp
    public var recordedAt: Timestamp
    public var actor: Actor
    public var correlationId: UUID?
    public var causationId: UUID?
    public var data: JSONValue
    /// The random bytes (hex) hashed with a confidential payload; absent for other events, and
    /// withheld with the payload from roles that may not read it.
    public var salt: String?
    public var hash: String

    public init(
        sequence: UInt64, id: UUID, stream: String, version: UInt64, type: String, schemaVersion: UInt16,
        occurredAt: Timestamp, recordedAt: Timestamp, actor: Actor, correlationId: UUID?, causationId: UUID?,
        data: JSONValue, salt: String? = nil, hash: String
    ) {
        self.sequence = sequence
        self.id = id
        self.stream = stream
        self.version = version
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.correlationId = correlationId
        self.causationId = causationId
        self.data = data
        self.salt = salt
        self.hash = hash
    }
}

public struct EventsResult: Codable, Hashable, Sendable {
    public var events: [EventView]
    /// The `from` of the next page; absent when this page reached the end.
    public var next: UInt64?
    /// Kinds of confidential fields left out for the caller's role (e.g. `["badRecords"]`);
    /// absent when nothing was.
    public var withheld: [String]? = nil
    public init(events: [EventView], next: UInt64?) {
        self.events = events
        self.next = next
    }
}

public struct HeadResult: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var hash: String
    public init(sequence: UInt64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

public struct VerifyResult: Codable, Hashable, Sendable {
    public var intact: Bool
    public var events: UInt64
    public var head: HeadResult
    public var storedHead: HeadResult
    public var failure: String?
    public init(intact: Bool, events: UInt64, head: HeadResult, storedHead: HeadResult, failure: String?) {
        self.intact = intact
        self.events = events
        self.head = head
        self.storedHead = storedHead
        self.failure = failure
    }
}
