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

extension Transaction where Self: ~Copyable {
    /// Up to `limit` rows made by `row` from the keys of `database` that start with `prefix`
    /// (the prefix cut off), in key order after `after`; keys for which `row` gives nil are
    /// skipped. For lists as of a past time: the keys come from today's table (whose rows are
    /// never deleted), each row from the log.
    func pageOfKeys<Row>(
        _ database: Database, prefix: [UInt8] = [], after: [UInt8]?, limit: Int,
        _ row: ([UInt8]) throws -> Row?
    ) throws -> [Row] {
        var rows: [Row] = []
        var start = prefix + (after.map { $0 + [0] } ?? [])
        while rows.count < limit {
            var keys: [[UInt8]] = []
            // LMDB refuses an empty key to start from: nil starts at the first.
            try self.scan(database, from: start.isEmpty ? nil : start) { key, _ in
                guard keys.count < keyChunk, key.starts(with: prefix) else { return false }
                keys.append(Array(key[prefix.count...]))
                return true
            }
            for key in keys {
                guard let made = try row(key) else { continue }
                rows.append(made)
                if rows.count == limit { return rows }
            }
            guard keys.count == keyChunk, let last = keys.last else { return rows }
            start = prefix + last + [0]
        }
        return rows
    }
}

/// Keys read per scan of `pageOfKeys`, so that no cursor stays open while rows are made.
private let keyChunk = 256
