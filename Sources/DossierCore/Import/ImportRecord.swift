/// Command: record one record of an external file (a CFPB complaint, a UCI card holder, an
/// agency rating, a mapped row) as the facts it holds, in several rooms at once.
///
/// An import composes the rooms' own events; it has none of its own. Its facts are one
/// decision, so a record is stored whole or not at all. The request id the store dedupes it
/// by is derived from `source` and `key` (`ImportRecordID`), so importing a file again, or
/// resuming an interrupted import, appends nothing for the records already in the log.
public struct ImportRecord: Hashable, Sendable, Codable {
    /// The data set the record comes from, e.g. `cfpb` or `uci-credit`: the namespace of `key`.
    public var source: String
    /// The record's id within its source (the CFPB Complaint ID, the UCI ID, ...).
    public var key: String
    /// The customer the facts belong to; registered by this record when the log has no such id.
    public var customer: RegisterCustomer
    public var complaint: ImportedComplaint?
    public var limit: ImportedLimit?
    public var flags: [ImportedFlag]
    public var rating: ImportedRating?
    /// The importer's role, as the daemon's access configuration gave it: taking over an
    /// approved limit or rating needs the role that would approve it here.
    public var role: String?

    public init(
        source: String, key: String, customer: RegisterCustomer, complaint: ImportedComplaint? = nil,
        limit: ImportedLimit? = nil, flags: [ImportedFlag] = [], rating: ImportedRating? = nil, role: String? = nil
    ) {
        self.source = source
        self.key = key
        self.customer = customer
        self.complaint = complaint
        self.limit = limit
        self.flags = flags
        self.rating = rating
        self.role = role
    }
}

/// A complaint as the source recorded it: filed like `complaint.file`, and closed at once
/// when the source says the company's response ended it.
public struct ImportedComplaint: Hashable, Sendable, Codable {
    public var filing: FileComplaint
    /// The company's response as the source words it (CFPB "Company response to consumer").
    public var outcome: String?
    /// Whether that response closed the complaint.
    public var closed: Bool
    /// When the source sent the complaint to the company (the close is recorded then).
    public var closedAt: Timestamp?
    /// The source's "timely response?" and "consumer disputed?", kept as they were.
    public var timely: Bool?
    public var disputed: Bool?

    public init(
        filing: FileComplaint, outcome: String? = nil, closed: Bool = false, closedAt: Timestamp? = nil,
        timely: Bool? = nil, disputed: Bool? = nil
    ) {
        self.filing = filing
        self.outcome = outcome
        self.closed = closed
        self.closedAt = closedAt
        self.timely = timely
        self.disputed = disputed
    }
}

/// A credit limit the source system had already approved.
public struct ImportedLimit: Hashable, Sendable, Codable {
    public var amount: ExactDecimal
    /// `policy.limits.default_currency` when absent.
    public var currency: Currency?
    public var kind: CreditKind
    public var mode: CreditMode
    /// The recording day when absent.
    public var validFrom: LocalDate?
    /// The longest validity `policy.limits.max_validity_months` allows when absent.
    public var validTo: LocalDate?
    public var basis: String

    public init(
        amount: ExactDecimal, currency: Currency? = nil, kind: CreditKind, mode: CreditMode, validFrom: LocalDate? = nil,
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

/// A warning flag the source shows; its source is the record's.
public struct ImportedFlag: Hashable, Sendable, Codable {
    public var kind: FlagKind
    public var detail: String
    /// The recording day when absent.
    public var observedOn: LocalDate?

    public init(kind: FlagKind, detail: String = "", observedOn: LocalDate? = nil) {
        self.kind = kind
        self.detail = detail
        self.observedOn = observedOn
    }
}

/// A rating an agency (or an earlier system) gave, already on one of our scales.
public struct ImportedRating: Hashable, Sendable, Codable {
    public var scale: String
    public var grade: String
    public var effectiveOn: LocalDate
    /// What the source said, e.g. `Standard & Poor's: BBB+`.
    public var note: String

    public init(scale: String, grade: String, effectiveOn: LocalDate, note: String = "") {
        self.scale = scale
        self.grade = grade
        self.effectiveOn = effectiveOn
        self.note = note
    }
}

extension ImportRecord: DomainCommand {
    /// A record's request id comes from its source and key, so the log holding that id means
    /// the record was imported: whatever it holds now, the first import stands (a correction is
    /// a new fact, never a second import). Only an id written by something else is refused.
    public func isRetry(of first: DomainEvent) -> Bool {
        switch first {
        case .customer(let event): return event.customer == self.customer.id
        case .complaint(.filed(let filed)): return filed.externalId == self.complaint?.filing.externalID
        case .creditLimit(let event): return event.subject == .customer(self.customer.id)
        case .rating(.approved(let approved)): return approved.customer == self.customer.id
        default: return false
        }
    }
}
