import CSQLite
import Foundation

/// SQLite from the system library in WAL mode with `synchronous=FULL`: the same rows and
/// unique indexes (event id; stream + version), one event per transaction, from one thread or
/// from many threads with a connection each.
enum SQLiteWorkload {
    static func run(_ configuration: BenchConfiguration, threads: Int) throws -> Double {
        try withScratchDirectory(configuration, "sqlite") { path in
            let file = path + "/events.db"
            let setup = try Connection(file)
            try setup.execute("PRAGMA journal_mode=WAL")
            try setup.execute(
                """
                CREATE TABLE events (seq INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, stream TEXT NOT NULL,
                version INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE (stream, version))
                """)
            // Versions come from one shared counter per stream, handed out under a lock, so that
            // concurrent writers never collide on (stream, version).
            let data = LockedWorkloadData(WorkloadData(streams: configuration.streams, payloadBytes: configuration.payloadBytes))
            let payload = [UInt8](repeating: 0x70, count: configuration.payloadBytes)
            let counter = LockedCounter()
            let start = Date()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                guard let connection = try? Connection(file) else { return }
                try? connection.execute("PRAGMA synchronous=FULL")
                try? connection.execute("PRAGMA busy_timeout=10000")
                guard let insert = try? connection.prepare(
                    "INSERT INTO events (id, stream, version, data) VALUES (?1, ?2, ?3, ?4)")
                else { return }
                defer { sqlite3_finalize(insert) }
                while Date().timeIntervalSince(start) < configuration.seconds {
                    let (stream, version, id) = data.next()
                    do {
                        try connection.execute("BEGIN IMMEDIATE")
                        sqlite3_reset(insert)
                        id.bytes.withUnsafeBytes { _ = sqlite3_bind_blob(insert, 1, $0.baseAddress, 16, SQLITE_TRANSIENT) }
                        sqlite3_bind_text(insert, 2, "customer-\(WorkloadData.customerID(stream))", -1, SQLITE_TRANSIENT)
                        sqlite3_bind_int64(insert, 3, Int64(version))
                        payload.withUnsafeBytes { _ = sqlite3_bind_blob(insert, 4, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
                        guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError.failed(connection.message) }
                        try connection.execute("COMMIT")
                        counter.add(1)
                    } catch {
                        try? connection.execute("ROLLBACK")
                    }
                }
            }
            return Double(counter.value) / Date().timeIntervalSince(start)
        }
    }

    final class Connection {
        let handle: OpaquePointer?

        init(_ path: String) throws {
            var handle: OpaquePointer?
            guard sqlite3_open(path, &handle) == SQLITE_OK else {
                sqlite3_close(handle)
                throw BenchError.failed("cannot open \(path)")
            }
            self.handle = handle
        }

        deinit { sqlite3_close(self.handle) }

        var message: String { String(cString: sqlite3_errmsg(self.handle)) }

        func execute(_ sql: String) throws {
            guard sqlite3_exec(self.handle, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError.failed(self.message) }
        }

        func prepare(_ sql: String) throws -> OpaquePointer? {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(self.handle, sql, -1, &statement, nil) == SQLITE_OK else {
                throw BenchError.failed(self.message)
            }
            return statement
        }
    }
}

/// SQLITE_TRANSIENT: SQLite copies the bound bytes.
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A workload generator shared by threads.
final class LockedWorkloadData: @unchecked Sendable {
    // Guard: `lock` around every use of `data`.
    private var data: WorkloadData
    private let lock = NSLock()

    init(_ data: WorkloadData) { self.data = data }

    func next() -> (stream: Int, version: UInt64, id: UUID) {
        self.lock.lock()
        defer { self.lock.unlock() }
        let (stream, version) = self.data.nextAppend()
        return (stream, version, self.data.nextID())
    }

    func nextStream() -> Int {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.data.nextStream()
    }
}

final class LockedCounter: @unchecked Sendable {
    // Guard: `lock`.
    private var count = 0
    private let lock = NSLock()

    func add(_ value: Int) {
        self.lock.lock()
        self.count += value
        self.lock.unlock()
    }

    var value: Int {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.count
    }
}
