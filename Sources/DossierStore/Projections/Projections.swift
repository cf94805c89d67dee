import DossierCore
import LMDB

/// The query-side tables built from the log, updated in the same write transaction as the
/// append (read-your-writes) and rebuildable from the log byte for byte.
///
/// - `customers`: customer id -> `CustomerState` (JSON)
/// - `complaints`: complaint number -> `ComplaintState` (JSON); numbers of one unit and day
///   sort by running number, so the last one is found with one reverse seek
/// - `complaints_by_customer`: customer id || 0x00 || number -> empty
struct Projections: Sendable {
    enum Table: CaseIterable {
        case customers, complaints, complaintsByCustomer
    }

    /// The projection names used for checkpoints in `meta`.
    static let names = ["customers", "complaints"]

    /// The version of the tables' layout and row encodings. A data directory whose projections
    /// were built with another version has them rebuilt from the log when it is opened.
    static let format = "dossier-projections/2"

    let databases: StoreDatabases

    func database(_ table: Table) -> Database {
        switch table {
        case .customers: return self.databases.customers
        case .complaints: return self.databases.complaints
        case .complaintsByCustomer: return self.databases.complaintsByCustomer
        }
    }

    // MARK: - Reads

    func customer(_ id: CustomerID, in txn: borrowing some Transaction & ~Copyable) throws -> CustomerState? {
        try txn.withValue(self.databases.customers, forKey: Array(id.rawValue.utf8)) { value in
            try value.map { try CustomerRowCodec.decode($0) }
        }
    }

    func complaint(_ number: ComplaintNumber, in txn: borrowing some Transaction & ~Copyable) throws -> ComplaintState? {
        try txn.withValue(self.databases.complaints, forKey: Array(number.rawValue.utf8)) { value in
            try value.map { try DossierJSON.decode(ComplaintState.self, from: $0) }
        }
    }

    /// Customers in id order, starting after `after`.
    func customers(after: CustomerID?, limit: Int, in txn: borrowing some Transaction & ~Copyable) throws
        -> [CustomerState]
    {
        var result: [CustomerState] = []
        let start = after.map { Array($0.rawValue.utf8) + [0] }
        try txn.scan(self.databases.customers, from: start) { _, value in
            guard result.count < limit else { return false }
            result.append(try CustomerRowCodec.decode(value))
            return true
        }
        return result
    }

    /// Complaints in number order, optionally of one customer, starting after `after`.
    func complaints(
        of customer: CustomerID?, after: ComplaintNumber?, limit: Int, in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintState] {
        var numbers: [ComplaintNumber] = []
        if let customer {
            let prefix = Array(customer.rawValue.utf8) + [0]
            let start = prefix + (after.map { Array($0.rawValue.utf8) + [0] } ?? [])
            try txn.scan(self.databases.complaintsByCustomer, from: start) { key, _ in
                guard numbers.count < limit, key.starts(with: prefix) else { return false }
                numbers.append(ComplaintNumber(rawValue: String(decoding: key[prefix.count...], as: UTF8.self)))
                return true
            }
            return try numbers.compactMap { try self.complaint($0, in: txn) }
        }
        var result: [ComplaintState] = []
        try txn.scan(self.databases.complaints, from: after.map { Array($0.rawValue.utf8) + [0] }) { _, value in
            guard result.count < limit else { return false }
            result.append(try DossierJSON.decode(ComplaintState.self, from: value))
            return true
        }
        return result
    }

    /// The highest running number used in a unit's day (0 when none).
    func lastRunningNumber(unit: String, day: LocalDate, in txn: borrowing some Transaction & ~Copyable) throws -> Int {
        let prefix = ComplaintNumber.prefix(unit: unit, day: day)
        // Every number of the series sorts below prefix + "~" (digits sort below "~").
        var last = 0
        try txn.scan(self.databases.complaints, from: Array((prefix + "~").utf8), reverse: true) { key, _ in
            let number = ComplaintNumber(rawValue: String(decoding: key, as: UTF8.self))
            last = number.runningNumber(after: prefix) ?? 0
            return false
        }
        return last
    }

    // MARK: - Updates

    /// Applies one event. `read` and `write` reach the tables, so the same code updates LMDB
    /// during appends and an in-memory copy during a verifying replay.
    static func apply(
        _ event: RecordedEvent, _ decoded: DomainEvent,
        read: (Table, [UInt8]) throws -> [UInt8]?,
        write: (Table, [UInt8], [UInt8]) throws -> Void
    ) throws {
        let metadata = EventMetadata(event)
        switch decoded {
        case .customerRegistered(let registered):
            try Self.updateCustomer(registered.customer, event: decoded, metadata: metadata, read: read, write: write)
        case .customerFlagged(let flagged):
            try Self.updateCustomer(flagged.customer, event: decoded, metadata: metadata, read: read, write: write)
        case .complaintFiled(let filed):
            let key = Array(filed.number.rawValue.utf8)
            let current = try read(.complaints, key).map { try DossierJSON.decode(ComplaintState.self, from: $0) }
            if let next = ComplaintState.apply(current, decoded, at: metadata) {
                try write(.complaints, key, try DossierJSON.encode(next))
            }
            try write(.complaintsByCustomer, Array(filed.customer.rawValue.utf8) + [0] + key, [])
        }
    }

    private static func updateCustomer(
        _ id: CustomerID, event decoded: DomainEvent, metadata: EventMetadata,
        read: (Table, [UInt8]) throws -> [UInt8]?,
        write: (Table, [UInt8], [UInt8]) throws -> Void
    ) throws {
        let key = Array(id.rawValue.utf8)
        let current = try read(.customers, key).map { try CustomerRowCodec.decode($0) }
        if let next = CustomerState.apply(current, decoded, at: metadata) {
            try write(.customers, key, CustomerRowCodec.encode(next))
        }
    }

    /// Applies `event` to the LMDB tables inside the writer's transaction.
    func apply(_ event: RecordedEvent, _ decoded: DomainEvent, txn: borrowing WriteTransaction) throws {
        try Self.apply(
            event, decoded,
            read: { table, key in try txn.get(self.database(table), forKey: key) },
            write: { table, key, value in try txn.put(self.database(table), key: key, value: value) }
        )
    }

    /// Rebuilds every table from the log when the stored projection format is not `format`
    /// (older daemon, or never recorded); the log is the truth, projections are derived.
    /// - Returns: the events replayed, or nil when the tables were current.
    func rebuildIfOutdated(in environment: Environment, reader: LogReader, chunkSize: Int = 10_000) throws -> UInt64? {
        let key = StoreDatabases.MetaKey.projectionFormat
        let stored = try environment.read { txn in try txn.get(self.databases.meta, forKey: key) }
        guard stored != Array(Self.format.utf8) else { return nil }
        try environment.write { txn in
            for table in Table.allCases { try txn.clear(self.database(table)) }
        }
        var next: UInt64 = 1
        while true {
            let replayed: UInt64? = try environment.write { txn in
                let events = try reader.readAll(from: next, limit: chunkSize, in: txn)
                for event in events { try self.apply(event, try DomainEvent.decode(event), txn: txn) }
                guard let last = events.last else {
                    try self.persistCheckpoints(next - 1, txn: txn)
                    try txn.put(self.databases.meta, key: key, value: Array(Self.format.utf8))
                    return nil
                }
                return last.sequence
            }
            guard let replayed else { return next - 1 }
            next = replayed + 1
        }
    }

    /// Records that every projection reflects the log up to `sequence`.
    func persistCheckpoints(_ sequence: UInt64, txn: borrowing WriteTransaction) throws {
        for name in Self.names {
            try txn.put(self.databases.meta, key: StoreDatabases.MetaKey.checkpoint(name), value: sequence.bigEndianBytes)
        }
    }
}
