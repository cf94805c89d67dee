import DossierCore
import Foundation

// Parameters and results of the log and audit methods. Field names are the wire names (camelCase).

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

public struct FollowParams: Codable, Hashable, Sendable {
    public var from: UInt64?
    public var batch: Int?
    public var heartbeatSeconds: Int?
    public init(from: UInt64? = nil, batch: Int? = nil, heartbeatSeconds: Int? = nil) {
        self.from = from
        self.batch = batch
        self.heartbeatSeconds = heartbeatSeconds
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

public struct VerifyParams: Codable, Hashable, Sendable {
    /// A head written down earlier, `SEQUENCE:HASH`.
    public var against: String?
    public init(against: String? = nil) { self.against = against }
}

public struct VerifyResult: Codable, Hashable, Sendable {
    public var intact: Bool
    public var events: UInt64
    public var head: HeadResult
    public var storedHead: HeadResult
    public var failure: String?
    /// With `against`: whether the log extends that head (its chain reaches that hash at that
    /// sequence). Absent without `against`.
    public var extends: Bool?
    public init(intact: Bool, events: UInt64, head: HeadResult, storedHead: HeadResult, failure: String?, extends: Bool? = nil) {
        self.intact = intact
        self.events = events
        self.head = head
        self.storedHead = storedHead
        self.failure = failure
        self.extends = extends
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
