import DossierCore
import LMDB

/// Walks a log's hash chain from the first event to the stored head: the check behind
/// `audit.verify`, a backup's check of its copy, and a full check at start-up.
struct ChainVerifier {
    let environment: Environment
    let databases: StoreDatabases

    /// Recomputes every hash from the stored bytes and checks that sequences run 1, 2, 3...
    /// without gaps and that the last hash equals the stored head.
    ///
    /// Reads in chunks of short read transactions so that a long verification does not pin
    /// old pages while a writer keeps appending; checks up to the head seen at the start.
    ///
    /// With `earlier`, a head written down before (sequence and hash), it also says whether
    /// this log extends it: the chain recomputed from event 1 reaches exactly that hash at that
    /// sequence. (A log rewritten since, even consistently, does not.)
    func verify(against earlier: LogHead? = nil, chunkSize: Int = 10_000) throws -> VerificationReport {
        let reader = LogReader(databases: self.databases)
        let storedHead = try self.environment.read { txn in try reader.head(in: txn) }
        // The hash of the last event checked, advanced in place.
        var chain = HashChain.genesis
        var expected: UInt64 = 1
        var failure: VerificationReport.Failure?
        // An earlier head at sequence 0 is the empty log, which every log extends.
        var extends: Bool? = earlier.map { $0.sequence == 0 ? $0.hash == HashChain.genesis : false }
        while failure == nil, expected <= storedHead.sequence {
            try self.environment.read { txn in
                var checked = 0
                try txn.scan(self.databases.events, from: expected.bigEndianBytes) { key, value in
                    guard checked < chunkSize, expected <= storedHead.sequence else { return false }
                    guard let sequence = UInt64(bigEndianBytes: key), sequence == expected else {
                        failure = .init(sequence: expected, reason: "missing; the log jumps past it")
                        return false
                    }
                    guard value.count > EventRecordCodec.hashLength else {
                        failure = .init(sequence: sequence, reason: "stored value is truncated")
                        return false
                    }
                    HashChain.advance(&chain, over: UnsafeRawBufferPointer(rebasing: value[EventRecordCodec.hashLength...]))
                    guard chain.elementsEqual(value[0..<EventRecordCodec.hashLength]) else {
                        failure = .init(sequence: sequence, reason: "hash does not match its bytes and predecessor")
                        return false
                    }
                    if let earlier, earlier.sequence == sequence { extends = chain == earlier.hash }
                    expected += 1
                    checked += 1
                    return true
                }
                if failure == nil && checked == 0 && expected <= storedHead.sequence {
                    failure = .init(sequence: expected, reason: "missing; the log ends before the head")
                }
            }
        }
        let computedHead = LogHead(sequence: expected - 1, hash: chain)
        if failure == nil && computedHead != storedHead {
            failure = .init(sequence: storedHead.sequence, reason: "the stored head does not match the events")
        }
        // Past the head, or cut short by a failure before it: not shown to extend it.
        if let earlier, earlier.sequence > computedHead.sequence || failure.map({ $0.sequence <= earlier.sequence }) == true {
            extends = false
        }
        return VerificationReport(
            events: expected - 1, computedHead: computedHead, storedHead: storedHead, failure: failure,
            extendsEarlierHead: extends
        )
    }
}
