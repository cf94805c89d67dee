import DossierCore
import LMDB

/// Complaints and group incidents as the log says they are now.
///
/// - `complaints`: complaint number -> `ComplaintState` (JSON), in number order for paging.
/// - `complaints_by_customer`: customer id || 0x00 || number -> empty.
/// - `complaint_counters`: running count (`HQ/2026-12-02`, `*/2010`) -> its last running
///   number (decimal text): read and written on the writer, so numbers never repeat or skip.
/// - `complaints_by_subject`: subject key || 0x00 || received at (8 bytes, big-endian, sign
///   flipped) || number -> empty: the complaints about one subject in time order, for
///   duplicates and group incidents.
/// - `complaint_incidents`: incident id -> `GroupIncidentState` (JSON).
/// - `complaint_incidents_by_subject`: subject key -> the latest incident's id.
public enum ComplaintProjection: Projection {
    public static let name = "complaints"
    static let complaints = ProjectionTable("complaints")
    static let byCustomer = ProjectionTable("complaints_by_customer")
    static let counters = ProjectionTable("complaint_counters")
    static let bySubject = ProjectionTable("complaints_by_subject")
    static let incidents = ProjectionTable("complaint_incidents")
    static let incidentsBySubject = ProjectionTable("complaint_incidents_by_subject")
    public static let tables = [
        Self.complaints, Self.byCustomer, Self.counters, Self.bySubject, Self.incidents, Self.incidentsBySubject,
    ]
    /// 2: the lifecycle, running counts, subjects and group incidents.
    public static let version = 2

    public static func apply(_ event: RecordedEvent, _ decoded: DomainEvent, read: ReadRow, write: WriteRow) throws {
        guard case .complaint(let complaintEvent) = decoded else { return }
        switch complaintEvent {
        case .incidentRaised, .incidentJoined:
            guard let id = event.stream.incidentID else { return }
            let key = Array(id.utf8)
            let current = try read(Self.incidents, key).map {
                try DossierJSON.decode(GroupIncidentState.self, from: $0)
            }
            guard let next = GroupIncidentState.apply(current, decoded, at: EventMetadata(event)) else { return }
            try write(Self.incidents, key, try DossierJSON.encode(next))
            try write(Self.incidentsBySubject, Array(next.subjectKey.utf8), key)
        default:
            guard let number = event.stream.complaintNumber else { return }
            let key = Self.key(number)
            let current = try read(Self.complaints, key).map { try DossierJSON.decode(ComplaintState.self, from: $0) }
            if let next = ComplaintState.apply(current, decoded, at: EventMetadata(event)) {
                try write(Self.complaints, key, try DossierJSON.encode(next))
            }
            guard case .filed(let filed) = complaintEvent else { return }
            if let customer = filed.customer {
                try write(Self.byCustomer, Array(customer.rawValue.utf8) + [0] + key, [])
            }
            let seriesKey = Array(filed.series.utf8)
            let last = try read(Self.counters, seriesKey).flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
            if filed.running > last { try write(Self.counters, seriesKey, Array(String(filed.running).utf8)) }
            try write(Self.bySubject, Self.subjectKey(ComplaintSubject.key(filed.subject), filed.receivedAt) + key, [])
        }
    }

    static func key(_ number: ComplaintNumber) -> [UInt8] { Array(number.rawValue.utf8) }

    /// Subject key, separator and the receiving time, sortable as bytes.
    static func subjectKey(_ subject: String, _ receivedAt: Timestamp) -> [UInt8] {
        Array(subject.utf8) + [0] + (UInt64(bitPattern: receivedAt.rawValue) ^ (1 << 63)).bigEndianBytes
    }

    // MARK: - Reads

    static func complaint(
        _ number: ComplaintNumber, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> ComplaintState? {
        try txn.withValue(tables[Self.complaints], forKey: Self.key(number)) { value in
            try value.map { try DossierJSON.decode(ComplaintState.self, from: $0) }
        }
    }

    /// Complaints in number order, optionally of one customer, starting after `after`, that
    /// `include` accepts; at most `limit`.
    static func complaints(
        of customer: CustomerID?, after: ComplaintNumber?, limit: Int, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable, where include: (ComplaintState) -> Bool = { _ in true }
    ) throws -> [ComplaintState] {
        var result: [ComplaintState] = []
        if let customer {
            for number in try Self.numbers(of: customer, after: after, tables: tables, in: txn) where result.count < limit {
                if let state = try Self.complaint(number, tables: tables, in: txn), include(state) {
                    result.append(state)
                }
            }
            return result
        }
        return try txn.page(tables[Self.complaints], after: after.map(Self.key), limit: limit, where: include) {
            try DossierJSON.decode(ComplaintState.self, from: $0)
        }
    }

    /// The last running number of a running count (0 when none).
    static func lastRunningNumber(
        series: String, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> Int {
        try txn.withValue(tables[Self.counters], forKey: Array(series.utf8)) { value in
            value.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        }
    }

    /// Complaints about `subjectKey` received from `from` to `to`, in time order.
    static func complaints(
        aboutSubject subjectKey: String, from: Timestamp, to: Timestamp, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintState] {
        try Self.numbers(aboutSubject: subjectKey, from: from, to: to, tables: tables, in: txn).compactMap {
            try Self.complaint($0, tables: tables, in: txn)
        }
    }

    /// `customer`'s complaints about `subjectKey`, filed at any time. The numbers of both
    /// indexes are intersected before any complaint is decoded: filing for a customer with
    /// thousands of complaints then reads their keys, not every one of their states (it did,
    /// and filing slowed with every complaint the customer had).
    static func complaints(
        of customer: CustomerID, aboutSubject subjectKey: String, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintState] {
        let aboutSubject = Set(try Self.numbers(aboutSubject: subjectKey, from: nil, to: nil, tables: tables, in: txn))
        guard !aboutSubject.isEmpty else { return [] }
        return try Self.numbers(of: customer, after: nil, tables: tables, in: txn).filter(aboutSubject.contains)
            .compactMap { try Self.complaint($0, tables: tables, in: txn) }
    }

    /// The numbers of `customer`'s complaints after `after`, in number order (keys only).
    private static func numbers(
        of customer: CustomerID, after: ComplaintNumber?, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintNumber] {
        let prefix = Array(customer.rawValue.utf8) + [0]
        var numbers: [ComplaintNumber] = []
        try txn.scan(tables[Self.byCustomer], from: prefix + (after.map { Self.key($0) + [0] } ?? [])) { key, _ in
            guard key.starts(with: prefix) else { return false }
            numbers.append(ComplaintNumber(rawValue: String(decoding: key[prefix.count...], as: UTF8.self)))
            return true
        }
        return numbers
    }

    /// The numbers of the complaints about `subjectKey` received from `from` to `to` (nil: no
    /// bound), in time order (keys only).
    private static func numbers(
        aboutSubject subjectKey: String, from: Timestamp?, to: Timestamp?, tables: ProjectionTables,
        in txn: borrowing some Transaction & ~Copyable
    ) throws -> [ComplaintNumber] {
        let prefix = Array(subjectKey.utf8) + [0]
        let last = to.map { Array(Self.subjectKey(subjectKey, $0).suffix(8)) }
        var numbers: [ComplaintNumber] = []
        try txn.scan(tables[Self.bySubject], from: from.map { Self.subjectKey(subjectKey, $0) } ?? prefix) { key, _ in
            guard key.starts(with: prefix), key.count > prefix.count + 8 else { return false }
            if let last, last.lexicographicallyPrecedes(key[prefix.count..<(prefix.count + 8)]) { return false }
            numbers.append(ComplaintNumber(rawValue: String(decoding: key[(prefix.count + 8)...], as: UTF8.self)))
            return true
        }
        return numbers
    }

    static func incident(
        _ id: String, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws
        -> GroupIncidentState?
    {
        try txn.withValue(tables[Self.incidents], forKey: Array(id.utf8)) { value in
            try value.map { try DossierJSON.decode(GroupIncidentState.self, from: $0) }
        }
    }

    /// The latest group incident about `subjectKey`.
    static func incident(
        aboutSubject subjectKey: String, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    ) throws -> GroupIncidentState? {
        let id = try txn.withValue(tables[Self.incidentsBySubject], forKey: Array(subjectKey.utf8)) { value in
            value.map { String(decoding: $0, as: UTF8.self) }
        }
        return try id.flatMap { try Self.incident($0, tables: tables, in: txn) }
    }
}

extension ComplaintState: ProjectedState {
    public static func row(
        of stream: StreamID, tables: ProjectionTables, in txn: borrowing some Transaction & ~Copyable
    )
        throws -> ComplaintState?
    {
        guard let number = stream.complaintNumber else { return nil }
        return try ComplaintProjection.complaint(number, tables: tables, in: txn)
    }
}
