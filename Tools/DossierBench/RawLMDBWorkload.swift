import CLMDB
import Crypto
import Foundation

/// LMDB through its C API, writing the databases and key shapes Dossier writes for one
/// `customer.flag` event, with nothing around it: no protocol, no JSON, no writer thread.
/// Per event: `events` (sequence, MDB_APPEND, hash + record), `streams` (stream id || 0 ||
/// version), `event_ids` (time-ordered id), the customer's projection row; per commit the
/// head and checkpoints in `meta`. Every commit is durable (LMDB's default two flushes).
enum RawLMDBWorkload {
    static func run(_ configuration: BenchConfiguration, eventsPerCommit: Int) throws -> Double {
        try withScratchDirectory(configuration, "raw-lmdb") { path in
            var env: OpaquePointer?
            try check(mdb_env_create(&env))
            defer { mdb_env_close(env) }
            try check(mdb_env_set_maxdbs(env, 8))
            try check(mdb_env_set_mapsize(env, 64 << 30))
            try check(mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o600))

            var dbis: [MDB_dbi] = []
            try Self.transaction(env) { txn in
                for name in ["events", "streams", "event_ids", "meta", "customers"] {
                    var dbi: MDB_dbi = 0
                    try check(mdb_dbi_open(txn, name, UInt32(MDB_CREATE), &dbi))
                    dbis.append(dbi)
                }
            }
            let (events, streams, eventIDs, meta, customers) = (dbis[0], dbis[1], dbis[2], dbis[3], dbis[4])

            var data = WorkloadData(streams: configuration.streams, payloadBytes: configuration.payloadBytes)
            let record = [UInt8](repeating: 0x72, count: configuration.payloadBytes + 110)
            let customerRow = [UInt8](repeating: 0x63, count: 220)
            var hash = [UInt8](repeating: 0, count: 32)
            var sequence: UInt64 = 0

            return try measureRate(seconds: configuration.seconds) {
                try Self.transaction(env) { txn in
                    for _ in 0..<eventsPerCommit {
                        sequence += 1
                        let (stream, version) = data.nextAppend()
                        let customer = WorkloadData.customerID(stream)
                        var hasher = SHA256()
                        hasher.update(data: hash)
                        hasher.update(data: record)
                        hash = Array(hasher.finalize())
                        try put(txn, events, sequence.bigEndianBytes, hash + record, UInt32(MDB_APPEND))
                        try put(txn, streams, Array("customer-\(customer)".utf8) + [0] + version.bigEndianBytes, sequence.bigEndianBytes)
                        try put(txn, eventIDs, data.nextID().bytes, sequence.bigEndianBytes, UInt32(MDB_NOOVERWRITE))
                        try put(txn, customers, Array(customer.utf8), customerRow)
                    }
                    try put(txn, meta, Array("head".utf8), sequence.bigEndianBytes + hash)
                    try put(txn, meta, Array("checkpoint.customers".utf8), sequence.bigEndianBytes)
                    try put(txn, meta, Array("checkpoint.complaints".utf8), sequence.bigEndianBytes)
                }
                return eventsPerCommit
            }
        }
    }

    private static func transaction(_ env: OpaquePointer?, _ body: (OpaquePointer?) throws -> Void) throws {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(env, nil, 0, &txn))
        do {
            try body(txn)
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try check(mdb_txn_commit(txn))
    }

    private static func put(_ txn: OpaquePointer?, _ dbi: MDB_dbi, _ key: [UInt8], _ value: [UInt8], _ flags: UInt32 = 0) throws {
        var key = key
        var value = value
        try key.withUnsafeMutableBytes { keyBuffer in
            try value.withUnsafeMutableBytes { valueBuffer in
                var k = MDB_val(mv_size: keyBuffer.count, mv_data: keyBuffer.baseAddress)
                var v = MDB_val(mv_size: valueBuffer.count, mv_data: valueBuffer.baseAddress)
                try check(mdb_put(txn, dbi, &k, &v, flags))
            }
        }
    }

    private static func check(_ rc: Int32) throws {
        if rc != 0 { throw BenchError.failed("LMDB: \(String(cString: mdb_strerror(rc)))") }
    }
}

enum BenchError: Error, CustomStringConvertible {
    case failed(String)
    var description: String {
        switch self {
        case .failed(let message): return message
        }
    }
}
