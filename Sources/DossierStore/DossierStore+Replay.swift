import DossierCore
import LMDB

/// The outcome of replaying the whole log through the projection code.
public struct ReplayReport: Sendable, Hashable {
    /// Events replayed.
    public var events: UInt64
    /// Projection rows rebuilt.
    public var rows: Int
    /// Rows whose rebuilt bytes differ from the stored ones (or exist on one side only),
    /// as `table/key`; empty when the projections equal a replay.
    public var mismatches: [String]

    public var matches: Bool { self.mismatches.isEmpty }
}

extension DossierStore {
    /// Rebuilds every projection from the log in memory, with the same code that maintains
    /// them during appends, and compares the result byte for byte with the stored tables.
    ///
    /// Reads in chunks of short read transactions; checks the log up to the head seen at the
    /// start, so run it when no writes are in flight for an exact comparison (the auditor's
    /// `audit.replay`), or accept that newer rows show as mismatches.
    public func replay(chunkSize: Int = 10_000, maximumReported: Int = 20) throws -> ReplayReport {
        let head = try self.head()
        var tables: [Projections.Table: [[UInt8]: [UInt8]]] = [:]
        var next: UInt64 = 1
        while next <= head.sequence {
            let events = try self.readAll(from: next, limit: min(chunkSize, Int(head.sequence - next + 1)))
            guard let last = events.last else { break }
            for event in events {
                try Projections.apply(
                    event, try DomainEvent.decode(event),
                    read: { table, key in tables[table]?[key] },
                    write: { table, key, value in tables[table, default: [:]][key] = value })
            }
            next = last.sequence + 1
        }

        var mismatches: [String] = []
        var rows = 0
        try self.environment.read { txn in
            for table in Projections.Table.allCases {
                var expected = tables[table] ?? [:]
                rows += expected.count
                try txn.scan(self.projections.database(table)) { key, value in
                    let keyBytes = Array(key)
                    if let rebuilt = expected.removeValue(forKey: keyBytes) {
                        if !rebuilt.elementsEqual(value) { mismatches.append("\(table)/\(Self.printable(keyBytes)) differs") }
                    } else {
                        mismatches.append("\(table)/\(Self.printable(keyBytes)) is stored but not rebuilt")
                    }
                    return mismatches.count < maximumReported
                }
                for key in expected.keys.prefix(max(0, maximumReported - mismatches.count)) {
                    mismatches.append("\(table)/\(Self.printable(key)) is rebuilt but not stored")
                }
            }
        }
        return ReplayReport(events: next - 1, rows: rows, mismatches: mismatches)
    }

    private static func printable(_ key: [UInt8]) -> String {
        String(decoding: key.map { $0 == 0 ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
