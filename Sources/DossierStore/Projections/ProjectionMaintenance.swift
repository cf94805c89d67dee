import DossierCore
import LMDB

/// Keeps the projections in step with the log: checkpoints after every commit, and a rebuild
/// from the log when their stored layout is not this build's.
struct ProjectionMaintenance {
    let databases: StoreDatabases

    /// Records that every projection reflects the log up to `sequence`.
    func persistCheckpoints(_ sequence: UInt64, txn: borrowing WriteTransaction) throws {
        for projection in ProjectionRegistry.all {
            try txn.put(
                self.databases.meta, key: StoreDatabases.MetaKey.checkpoint(projection.name), value: sequence.bigEndianBytes)
        }
    }

    /// Rebuilds every table from the log when the stored projection format is not
    /// `ProjectionRegistry.format` (an older daemon, or never recorded), or always with
    /// `evenIfCurrent`: the log is the truth, projections are derived.
    /// - Returns: the events replayed, or nil when the tables were current.
    func rebuildIfOutdated(
        in environment: Environment, reader: LogReader, evenIfCurrent: Bool = false, chunkSize: Int = 10_000
    ) throws -> UInt64? {
        let key = StoreDatabases.MetaKey.projectionFormat
        let format = Array(ProjectionRegistry.format.utf8)
        let stored = try environment.read { txn in try txn.get(self.databases.meta, forKey: key) }
        guard stored != format || evenIfCurrent else { return nil }
        try environment.write { txn in
            for table in ProjectionRegistry.tables { try txn.clear(self.databases.projections[table]) }
        }
        var next: UInt64 = 1
        while true {
            let replayed: UInt64? = try environment.write { txn in
                let events = try reader.readAll(from: next, limit: chunkSize, in: txn)
                for event in events {
                    try self.databases.projections.apply(event, try DomainEvent.decode(event), txn: txn)
                }
                guard let last = events.last else {
                    try self.persistCheckpoints(next - 1, txn: txn)
                    try txn.put(self.databases.meta, key: key, value: format)
                    return nil
                }
                return last.sequence
            }
            guard let replayed else { return next - 1 }
            next = replayed + 1
        }
    }
}
