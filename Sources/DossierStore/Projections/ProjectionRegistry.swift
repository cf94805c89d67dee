import DossierCore
import LMDB

/// Every projection the store keeps: one line per domain.
enum ProjectionRegistry {
    static let all: [any Projection.Type] = [
        CustomerProjection.self,
        ComplaintProjection.self,
        RatingProjection.self,
        CreditLimitProjection.self,
        GroupProjection.self,
        MerkleProjection.self,
    ]

    /// Every table of every projection.
    static var tables: [ProjectionTable] { Self.all.flatMap { $0.tables } }

    /// The layout the projections are built with, as stored in `meta`: a data directory built
    /// with another one has its projections rebuilt from the log when it opens.
    static var format: String {
        "dossier-projections/3:" + Self.all.map { "\($0.name)=\($0.version)" }.joined(separator: ",")
    }

    /// Applies `event` to every projection.
    static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        for projection in Self.all { try projection.apply(event, decoded, read: read, write: write) }
    }
}

/// The LMDB databases of the projection tables, opened once at startup.
public struct ProjectionTables: Sendable {
    private let databases: [ProjectionTable: Database]

    /// Opens (creating when `create`) every table of every registered projection; with
    /// `skippingMissing`, a table that does not exist is left out instead of failing.
    static func open(in environment: Environment, create: Bool, skippingMissing: Bool = false) throws -> ProjectionTables {
        var databases: [ProjectionTable: Database] = [:]
        for table in ProjectionRegistry.tables {
            do {
                databases[table] = try environment.openDatabase(named: table.name, create: create)
            } catch let error as LMDBError where error.code == .notFound && skippingMissing {
                continue
            }
        }
        return ProjectionTables(databases: databases)
    }

    private init(databases: [ProjectionTable: Database]) {
        self.databases = databases
    }

    /// The table's database; nil when it does not exist (a read-only copy made by an older build).
    func database(_ table: ProjectionTable) -> Database? { self.databases[table] }

    public subscript(table: ProjectionTable) -> Database {
        guard let database = self.databases[table] else {
            preconditionFailure("projection table \(table) is not in ProjectionRegistry")
        }
        return database
    }

    /// Applies `event` to every projection's tables in the writer's transaction.
    func apply(_ event: RecordedEvent, _ decoded: DomainEvent, txn: borrowing WriteTransaction) throws {
        try ProjectionRegistry.apply(
            event, decoded,
            read: { table, key in try txn.get(self[table], forKey: key) },
            write: { table, key, value in
                if let value {
                    try txn.put(self[table], key: key, value: value)
                } else {
                    _ = try txn.delete(self[table], key: key)
                }
            })
    }
}
