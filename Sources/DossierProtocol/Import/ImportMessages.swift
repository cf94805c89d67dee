import DossierCore
import Foundation

// Parameters and results of `import.rows`. A row's fields are the wire form of an
// `ImportRecord`: the client maps a file's columns onto them, the daemon checks them again.

public struct ImportRowsParams: Codable, Hashable, Sendable {
    /// The data set the rows come from: with a row's key it names the record for good.
    public var source: String
    public var rows: [ImportRowParams.Decoded]

    public init(source: String, rows: [ImportRowParams]) {
        self.source = source
        self.rows = rows.map { .row($0) }
    }
}

public struct ImportRowParams: Codable, Hashable, Sendable {
    public var key: String
    /// The row's line in the client's file, echoed in the answer.
    public var line: Int?
    public var customer: RegisterCustomerParams
    public var complaint: ImportedComplaintParams?
    public var limit: ImportedLimitParams?
    public var flags: [ImportedFlag]?
    public var rating: ImportedRating?

    public init(
        key: String, line: Int? = nil, customer: RegisterCustomerParams, complaint: ImportedComplaintParams? = nil,
        limit: ImportedLimitParams? = nil, flags: [ImportedFlag]? = nil, rating: ImportedRating? = nil
    ) {
        self.key = key
        self.line = line
        self.customer = customer
        self.complaint = complaint
        self.limit = limit
        self.flags = flags
        self.rating = rating
    }

    /// A row as the daemon read it: each row decodes on its own, so one malformed row is
    /// answered as rejected while the others of its batch are imported.
    public enum Decoded: Codable, Hashable, Sendable {
        case row(ImportRowParams)
        /// The row's key and line when they could be read, and what was wrong.
        case malformed(key: String?, line: Int?, problem: String)

        private enum Keys: String, CodingKey { case key, line }

        public init(from decoder: any Decoder) throws {
            do {
                self = .row(try ImportRowParams(from: decoder))
            } catch {
                let keys = try? decoder.container(keyedBy: Keys.self)
                self = .malformed(
                    key: try? keys?.decodeIfPresent(String.self, forKey: .key),
                    line: try? keys?.decodeIfPresent(Int.self, forKey: .line), problem: Self.problem(error))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            if case .row(let row) = self { try row.encode(to: encoder) }
        }

        /// The decoder's complaint, with the field's path: `limit.amount: must be ...`.
        static func problem(_ error: any Error) -> String {
            guard let error = error as? DecodingError else { return "\(error)" }
            switch error {
            case .keyNotFound(let key, let context):
                return Self.path(context.codingPath + [key]) + ": is required"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return Self.path(context.codingPath) + ": " + context.debugDescription
            @unknown default:
                return "\(error)"
            }
        }

        private static func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
    }
}

/// An imported complaint on the wire: `complaint.file`'s fields and what the source says of
/// its end.
public struct ImportedComplaintParams: Codable, Hashable, Sendable {
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var subject: String
    public var description: String?
    public var unit: String?
    public var receivedAt: Timestamp?
    /// A day only: received at its start in the daemon's calendar (when `receivedAt` is absent).
    public var receivedOn: LocalDate?
    public var externalId: String?
    public var indirect: Bool?
    public var outcome: String?
    public var closed: Bool?
    public var closedAt: Timestamp?
    public var closedOn: LocalDate?
    public var timely: Bool?
    public var disputed: Bool?

    public init(
        type: ComplaintType, channel: ComplaintChannel, level: ComplaintLevel, subject: String,
        description: String? = nil, unit: String? = nil, receivedAt: Timestamp? = nil, receivedOn: LocalDate? = nil,
        externalId: String? = nil, indirect: Bool? = nil, outcome: String? = nil, closed: Bool? = nil,
        closedAt: Timestamp? = nil, closedOn: LocalDate? = nil, timely: Bool? = nil, disputed: Bool? = nil
    ) {
        self.type = type
        self.channel = channel
        self.level = level
        self.subject = subject
        self.description = description
        self.unit = unit
        self.receivedAt = receivedAt
        self.receivedOn = receivedOn
        self.externalId = externalId
        self.indirect = indirect
        self.outcome = outcome
        self.closed = closed
        self.closedAt = closedAt
        self.closedOn = closedOn
        self.timely = timely
        self.disputed = disputed
    }
}

/// An imported limit on the wire; the currency is a code checked by the daemon.
public struct ImportedLimitParams: Codable, Hashable, Sendable {
    public var amount: ExactDecimal
    public var currency: String?
    public var kind: CreditKind
    public var mode: CreditMode
    public var validFrom: LocalDate?
    public var validTo: LocalDate?
    public var basis: String

    public init(
        amount: ExactDecimal, currency: String? = nil, kind: CreditKind, mode: CreditMode, validFrom: LocalDate? = nil,
        validTo: LocalDate? = nil, basis: String
    ) {
        self.amount = amount
        self.currency = currency
        self.kind = kind
        self.mode = mode
        self.validFrom = validFrom
        self.validTo = validTo
        self.basis = basis
    }
}

/// What became of one row.
public struct ImportRowResult: Codable, Hashable, Sendable {
    public enum Status: String, ClosedSet {
        /// Its facts were appended.
        case accepted
        /// Its source and key were imported before: nothing was appended.
        case duplicate
        /// A rule or a field refused it: nothing was appended.
        case rejected
    }

    public var key: String?
    public var line: Int?
    public var status: Status
    /// Events the row appended (0 unless accepted).
    public var events: Int
    public var error: WireError?

    public init(key: String?, line: Int?, status: Status, events: Int = 0, error: WireError? = nil) {
        self.key = key
        self.line = line
        self.status = status
        self.events = events
        self.error = error
    }
}

public struct ImportRowsResult: Codable, Hashable, Sendable {
    /// One per row, in the order sent.
    public var rows: [ImportRowResult]
    public var accepted: Int
    public var duplicates: Int
    public var rejected: Int
    public var events: Int

    public init(rows: [ImportRowResult]) {
        self.rows = rows
        self.accepted = rows.count { $0.status == .accepted }
        self.duplicates = rows.count { $0.status == .duplicate }
        self.rejected = rows.count { $0.status == .rejected }
        self.events = rows.reduce(0) { $0 + $1.events }
    }
}
