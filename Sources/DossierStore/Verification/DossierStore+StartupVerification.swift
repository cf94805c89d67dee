import DossierCore
import LMDB

extension DossierStore {
    /// Refuses to serve a log that does not hold together, as `configuration.verifyOnStart`
    /// asks. Runs before the writer starts.
    func verifyOnStart() throws {
        switch self.configuration.verifyOnStart {
        case .off:
            return
        case .full:
            let report = try self.verify()
            if let failure = report.failure { throw StoreError.failedVerification(failure.description) }
        case .head:
            try self.verifyHead()
        }
    }

    /// The head in `meta` must be the last event, and that event's hash must follow from its
    /// predecessor's hash and its own stored bytes.
    private func verifyHead() throws {
        try self.environment.read { txn in
            let head = try self.reader.head(in: txn)
            var last: (sequence: UInt64, hash: [UInt8], record: [UInt8])?
            var previousHash = HashChain.genesis
            var seen = 0
            try txn.scan(self.databases.events, reverse: true) { key, value in
                guard let sequence = UInt64(bigEndianBytes: key), value.count > EventRecordCodec.hashLength else {
                    throw StoreError.failedVerification("an event entry is malformed")
                }
                let hash = Array(value[0..<EventRecordCodec.hashLength])
                if last == nil {
                    last = (sequence, hash, Array(value[EventRecordCodec.hashLength...]))
                } else {
                    previousHash = hash
                }
                seen += 1
                return seen < 2
            }
            guard let last else {
                guard head.sequence == 0 else {
                    throw StoreError.failedVerification("the head names event \(head.sequence) but the log is empty")
                }
                return
            }
            guard last.sequence == head.sequence, last.hash == head.hash else {
                throw StoreError.failedVerification(
                    "the head names event \(head.sequence) but the last stored event is \(last.sequence)")
            }
            if last.sequence == 1 { previousHash = HashChain.genesis }
            guard HashChain.link(previous: previousHash, record: last.record) == last.hash else {
                throw StoreError.failedVerification("event \(last.sequence) does not match its hash")
            }
        }
    }
}
