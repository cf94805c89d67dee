import DossierCore
import LMDB

/// Complaints as the log says they are now.
///
/// - `complaints`: complaint number -> `ComplaintState` (JSON); numbers of one unit and day
///   sort by running number, so the last one is found with one reverse seek.
/// - `complaints_by_customer`: customer id || 0x00 || number -> empty.
public enum ComplaintProjection: Projection {
    public static let name = "complaints"
    static let complaints = ProjectionTable("complaints")
    static let byCustomer = ProjectionTable("complaints_by_customer")
    public static let tables = [Self.complaints, Self.byCustomer]
    public static let version = 1

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .complaint(let complaintEvent) = decoded else { return }
        switch complaintEvent {
        case .filed(let filed):
            let key = Self.key(filed.number)
            let current = try read(Self.complaints, key).map { try DossierJSON.decode(ComplaintState.self, from: $0) }
            if let next = ComplaintState.apply(current, decoded, at: EventMetadata(event)) {
                try write(Self.complaints, key, try DossierJSON.encode(next))
            }
            try write(Self.byCustomer, Array(filed.customer.rawValue.utf8) + [0] + key, [])
        }
    }

    static func key(_ number: ComplaintNumber) -> [UInt8] { Array(number.rawValue.utf8) }

    static func complaint(
        _ number: ComplaintNumber, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> ComplaintState? {
        try txn.withValue(tables[Self.complaints], forKey: Self.key(number)) { value in
            try value.map { try DossierJSON.decode(ComplaintState.self, from: $0) }
        }
    }

    /// Complaints in number order, optionally of one customer, starting after `after`.
    static func complaints(
        of customer: CustomerID?, after: ComplaintNumber?, limit: Int, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintState] {
        if let customer {
            var numbers: [ComplaintNumber] = []
            let prefix = Array(customer.rawValue.utf8) + [0]
            let start = prefix + (after.map { Self.key($0) + [0] } ?? [])
            try txn.scan(tables[Self.byCustomer], from: start) { key, _ in
                guard numbers.count < limit, key.starts(with: prefix) else { return false }
                numbers.append(ComplaintNumber(rawValue: String(decoding: key[prefix.count...], as: UTF8.self)))
                return true
            }
            return try numbers.compactMap { try Self.complaint($0, tables: tables, in: txn) }
        }
        return try txn.page(tables[Self.complaints], after: after.map(Self.key), limit: limit) {
            try DossierJSON.decode(ComplaintState.self, from: $0)
        }
    }

    /// The highest running number used in a unit's day (0 when none).
    static func lastRunningNumber(
        unit: String, day: LocalDate, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> Int {
        let prefix = ComplaintNumber.prefix(unit: unit, day: day)
        // Every number of the series sorts below prefix + "~" (digits sort below "~").
        var last = 0
        try txn.scan(tables[Self.complaints], from: Array((prefix + "~").utf8), reverse: true) { key, _ in
            let number = ComplaintNumber(rawValue: String(decoding: key, as: UTF8.self))
            last = number.runningNumber(after: prefix) ?? 0
            return false
        }
        return last
    }
}

extension ComplaintState: ProjectedState {
    public static func row(of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable)
        throws -> ComplaintState?
    {
        guard let number = stream.complaintNumber else { return nil }
        return try ComplaintProjection.complaint(number, tables: tables, in: txn)
    }
}
