import DossierCore
import LMDB

/// One named LMDB table of a projection. The name is part of the data format.
public struct ProjectionTable: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { self.name }
}

/// Reads a projection table's row: in the writer's transaction while appending, from memory
/// during a verifying replay.
public typealias ReadRow = (ProjectionTable, [UInt8]) throws -> [UInt8]?
/// Writes a projection table's row, in the same two places; a nil value deletes the row (an
/// index entry whose subject left it), so that a rebuild, which never writes it, matches.
public typealias WriteRow = (ProjectionTable, [UInt8], [UInt8]?) throws -> Void

/// A query-side view of the log: tables it keeps, updated from each event in the same
/// transaction as the append (read-your-writes), and rebuildable from the log byte for byte.
///
/// Each domain has its projection in its own room (`CustomerProjection`, ...), listed once in
/// `ProjectionRegistry.all`.
public protocol Projection {
    /// Its name, for checkpoints (`checkpoint.<name>` in `meta`).
    static var name: String { get }
    /// Its tables, opened (and created) when the store opens.
    static var tables: [ProjectionTable] { get }
    /// Raised whenever its rows or keys change form: a data directory whose projections were
    /// built by another version is rebuilt from the log when it opens.
    static var version: Int { get }
    /// Applies one event; events it does not project leave its tables as they are.
    static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws
}

/// A state a projection keeps one row of per stream, so that a command's reply can read it
/// back in the writer's transaction, right after the command's events were projected.
public protocol ProjectedState: StreamState {
    /// The row of `stream`, as `txn` sees the tables; nil when there is none.
    static func row(of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable) throws
        -> Self?
}
