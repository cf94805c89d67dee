import LMDB

extension Transaction where Self: ~Copyable {
    /// Up to `limit` rows of `database` in key order, starting after the key `after` (from the
    /// first when nil), each decoded by `decode` and kept when `include` accepts it: one page of
    /// a list method.
    func page<Row>(
        _ database: Database, after: [UInt8]?, limit: Int, where include: (Row) -> Bool = { _ in true },
        _ decode: (UnsafeRawBufferPointer) throws -> Row
    ) throws -> [Row] {
        var rows: [Row] = []
        // Keys never hold a NUL, so key || 0 is the first key after `after`.
        try self.scan(database, from: after.map { $0 + [0] }) { _, value in
            guard rows.count < limit else { return false }
            let row = try decode(value)
            if include(row) { rows.append(row) }
            return true
        }
        return rows
    }
}
