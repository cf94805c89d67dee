import LMDB

extension Transaction where Self: ~Copyable {
    /// Up to `limit` rows of `database` in key order, starting after the key `after` (from the
    /// first when nil), each decoded by `decode`: one page of a list method.
    func page<Row>(
        _ database: Database, after: [UInt8]?, limit: Int, _ decode: (UnsafeRawBufferPointer) throws -> Row
    ) throws -> [Row] {
        var rows: [Row] = []
        // Keys never hold a NUL, so key || 0 is the first key after `after`.
        try self.scan(database, from: after.map { $0 + [0] }) { _, value in
            guard rows.count < limit else { return false }
            rows.append(try decode(value))
            return true
        }
        return rows
    }
}
