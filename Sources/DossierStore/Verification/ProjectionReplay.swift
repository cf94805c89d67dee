import DossierCore
import Foundation
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

/// Rebuilds every projection from the log in memory, with the same code that maintains them
/// during appends, and compares the result byte for byte with the stored tables: the check
/// behind `audit.replay` and `dossierd replay`.
///
/// Reads in chunks of short read transactions, the log and then each table, so that a replay
/// of a live log does not pin pages the writer needs; checks the log up to the head seen at
/// the start, so run it when no writes are in flight for an exact comparison, or accept that
/// newer rows show as mismatches.
struct ProjectionReplay {
    let environment: Environment
    let databases: StoreDatabases
    static let chunkSize = 10_000

    func replay(maximumReported: Int = 20) throws -> ReplayReport {
        let reader = LogReader(databases: self.databases)
        let head = try self.environment.read { txn in try reader.head(in: txn) }
        var tables: [ProjectionTable: [[UInt8]: [UInt8]]] = [:]
        var replayed: UInt64 = 0
        // While this thread folds one chunk, the next is read and decoded on the other cores.
        let environment = self.environment
        func chunk(from first: UInt64) throws -> (events: [RecordedEvent], decoded: [DomainEvent]) {
            guard first <= head.sequence else { return ([], []) }
            let limit = min(Self.chunkSize, Int(head.sequence - first + 1))
            let events = try environment.read { txn in try reader.readAll(from: first, limit: limit, in: txn) }
            return (events, try Self.decodeOnEveryCore(events))
        }
        var current = try chunk(from: 1)
        while let last = current.events.last {
            let following = last.sequence + 1
            let next = Prefetch { try chunk(from: following) }
            do {
                for (event, decoded) in zip(current.events, current.decoded) {
                    try ProjectionRegistry.apply(
                        event, decoded,
                        read: { table, key in tables[table]?[key] },
                        // A nil value removes the row, as the delete does in the stored table.
                        write: { table, key, value in tables[table, default: [:]][key] = value })
                }
            } catch {
                _ = try? next.value()  // no read may outlive the call: the store could close next
                throw error
            }
            replayed = last.sequence
            current = try next.value()
        }

        var mismatches: [String] = []
        var rows = 0
        for table in ProjectionRegistry.tables {
            var expected = tables[table] ?? [:]
            rows += expected.count
            if let database = self.databases.projections.database(table) {
                try self.compare(database, table: table, expected: &expected, mismatches: &mismatches, limit: maximumReported)
            }
            for key in expected.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }).prefix(max(0, maximumReported - mismatches.count)) {
                mismatches.append("\(table)/\(Self.printable(key)) is rebuilt but not stored")
            }
        }
        return ReplayReport(events: replayed, rows: rows, mismatches: mismatches)
    }

    /// Compares the stored rows of `database` with `expected`, a page of rows per read
    /// transaction; removes each stored key from `expected`, so the keys left were not stored.
    private func compare(
        _ database: Database, table: ProjectionTable, expected: inout [[UInt8]: [UInt8]], mismatches: inout [String],
        limit: Int
    ) throws {
        var after: [UInt8]?
        while mismatches.count < limit {
            let page: [(key: [UInt8], value: [UInt8])] = try self.environment.read { txn in
                var rows: [(key: [UInt8], value: [UInt8])] = []
                try txn.scan(database, from: after.map { $0 + [0] }) { key, value in
                    guard rows.count < Self.chunkSize else { return false }
                    rows.append((Array(key), Array(value)))
                    return true
                }
                return rows
            }
            for (key, value) in page where mismatches.count < limit {
                if let rebuilt = expected.removeValue(forKey: key) {
                    if rebuilt != value { mismatches.append("\(table)/\(Self.printable(key)) differs") }
                } else {
                    mismatches.append("\(table)/\(Self.printable(key)) is stored but not rebuilt")
                }
            }
            guard let last = page.last, page.count == Self.chunkSize else { return }
            after = last.key
        }
    }

    /// The domain events of `events`, decoded on every core: decoding is pure, only the fold
    /// must go in log order. Decoding is most of a replay's work.
    static func decodeOnEveryCore(_ events: [RecordedEvent]) throws -> [DomainEvent] {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, events.count / 512))
        var results = [Result<DomainEvent, any Error>?](repeating: nil, count: events.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each slice writes only its own range of the buffer.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let range = (events.count * slice / slices)..<(events.count * (slice + 1) / slices)
                for index in range { slots[index] = Result { try DomainEvent.decode(events[index]) } }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Work started on another thread at once, whose result is collected later.
    private final class Prefetch<Value>: @unchecked Sendable {
        // Guard: `result` is written once on the worker before `done` is signalled, and read
        // only after waiting on `done`.
        private var result: Result<Value, any Error>?
        private let done = DispatchSemaphore(value: 0)

        init(_ work: @escaping () throws -> Value) {
            nonisolated(unsafe) let work = work
            DispatchQueue.global().async {
                self.result = Result { try work() }
                self.done.signal()
            }
        }

        func value() throws -> Value {
            self.done.wait()
            return try self.result!.get()
        }
    }

    private static func printable(_ key: [UInt8]) -> String {
        String(decoding: key.map { $0 == 0 ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}

extension DossierStore {
    /// Rebuilds every projection from the log and compares it with the stored tables
    /// (`ProjectionReplay`).
    public func replay(maximumReported: Int = 20) throws -> ReplayReport {
        do {
            return try ProjectionReplay(environment: self.environment, databases: self.databases)
                .replay(maximumReported: maximumReported)
        } catch let error as LMDBError where error.code == .environmentClosed {
            throw StoreError.shuttingDown
        }
    }
}
