import DossierProtocol

/// A table of the replica that folds events into rows (customers as they stand, complaints with
/// their status and deadlines...), for analysts who should not have to fold the log in SQL.
///
/// A projection is pure: which rows an event touches, and what it makes of each. The sink loads
/// the rows a batch touches, folds the batch in order, and writes them back in the transaction
/// that moves the checkpoint (`ProjectionWriter`), so a row is exactly the fold of the events up
/// to the checkpoint. Rows are read and written as JSON objects whose keys are the columns.
protocol ReplicaProjection {
    associatedtype Row: Codable & Sendable
    /// The columns that name a row (besides `source`), as a JSON object with those keys.
    associatedtype Key: Hashable & Codable & Sendable

    /// The table (a constant: it is written into SQL, never taken from data).
    static var table: String { get }
    /// The key columns (constants).
    static var keyColumns: [String] { get }
    /// Columns of type numeric, read back as text so that amounts stay exact.
    static var numericColumns: [String] { get }

    /// The rows `event` changes; none for events of other kinds (and for withheld ones).
    static func keys(of event: EventView) -> [Key]
    /// The row after `event`, from the row before it (nil when there is none yet).
    static func apply(_ event: EventView, key: Key, to row: Row?) -> Row?
}

extension ReplicaProjection {
    static var numericColumns: [String] { [] }
}

/// Every projection the sink keeps, in the order they are written.
let replicaProjections: [any ReplicaProjection.Type] = [
    CustomerProjection.self, ComplaintProjection.self, RatingProjection.self, CreditLimitProjection.self,
]

/// What each projection row records about the event that last changed it.
protocol StampedRow {
    /// The version of the row's stream at that event.
    var version: UInt64 { get set }
    var updatedAt: String { get set }
    var lastSequence: UInt64 { get set }
}

extension StampedRow {
    /// The row, marked as changed by `event`.
    func stamped(_ event: EventView) -> Self {
        var row = self
        row.version = event.version
        row.updatedAt = event.recordedAt.iso8601
        row.lastSequence = event.sequence
        return row
    }
}

extension EventView {
    /// A string field of the payload.
    func string(_ key: String) -> String? { self.data[key]?.stringValue }

    /// A string field of an object in the payload (`terms.grade`).
    func string(_ key: String, in object: String) -> String? { self.data[object]?[key]?.stringValue }

    /// A decimal of the payload as exact text, whether the payload holds it as a string or a number.
    func decimal(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return text
        case .number: return value?.description
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        if case .bool(let value) = self.data[key] { return value }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if case .number(let value) = self.data[key], value.rounded() == value { return Int(value) }
        return nil
    }
}
