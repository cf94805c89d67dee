import DossierCore
import DossierProtocol
import DossierMerkle
import DossierStore
import Foundation

extension DossierMethods {
    static func registerLog(on router: inout RequestRouter, store: DossierStore, signer: TreeHeadSigner) {
        router.query(Method.readLog, .long) { (params: ReadLogParams, _) in
            let limit = try Self.pageSize(params.limit)
            let from = max(1, params.from ?? 1)
            let events: [RecordedEvent]
            if let stream = params.stream {
                events = try store.readStream(StreamID(rawValue: stream), from: from, limit: limit + 1)
            } else {
                events = try store.readAll(from: from, limit: limit + 1)
            }
            let page = events.prefix(limit)
            let next = events.count > limit ? (params.stream == nil ? events[limit].sequence : events[limit].version) : nil
            return EventsResult(events: try page.map(Self.view), next: next)
        }
        router.query(Method.head, .quick) { (_: NoParams, _) in
            let head = try store.head()
            return HeadResult(sequence: head.sequence, hash: head.hashHex)
        }
        router.query(Method.replay, .long) { (_: NoParams, _) in
            let report = try store.replay()
            return ReplayResult(
                matches: report.matches, events: report.events, rows: report.rows, mismatches: report.mismatches)
        }
        router.query(Method.treeHead, .quick) { (params: TreeHeadParams, _) in
            let head = try store.treeHead(size: params.size)
            let timestamp = Timestamp(Date()).rawValue
            let signature = try signer.sign(size: head.size, root: head.root, timestamp: timestamp)
            return TreeHeadResult(
                size: head.size, root: Hex.encode(head.root), timestamp: signature == nil ? nil : timestamp,
                signature: signature, publicKey: signer.publicKey)
        }
        router.query(Method.proveInclusion, .quick) { (params: InclusionProofParams, _) in
            let proof = try store.inclusionProof(sequence: params.sequence, size: params.size)
            return InclusionProofResult(
                sequence: proof.sequence, treeSize: proof.treeSize, eventHash: Hex.encode(proof.eventHash),
                path: proof.path.map(Hex.encode))
        }
        router.query(Method.proveConsistency, .quick) { (params: ConsistencyProofParams, _) in
            let proof = try store.consistencyProof(oldSize: params.oldSize, size: params.size)
            return ConsistencyProofResult(oldSize: proof.oldSize, size: proof.size, path: proof.path.map(Hex.encode))
        }
        router.query(Method.verify, .long) { (params: VerifyParams, _) in
            let earlier = try params.against.map { text throws(DomainError) in
                guard let head = LogHead(text: text) else {
                    throw .invalidField(field: "against", reason: "must be SEQUENCE:HASH, the hash in 64 hex digits")
                }
                return head
            }
            return VerifyResult(try store.verify(against: earlier))
        }
    }

    static func view(_ event: RecordedEvent) throws -> EventView {
        EventView(
            sequence: event.sequence, id: event.id, stream: event.stream.rawValue, version: event.version,
            type: event.type, schemaVersion: event.schemaVersion, occurredAt: event.occurredAt,
            recordedAt: event.recordedAt, actor: event.actor, correlationId: event.correlationID,
            causationId: event.causationID, data: try DossierJSON.decode(JSONValue.self, from: event.payload),
            salt: event.salt.map(HashChain.hex), hash: HashChain.hex(event.hash))
    }
}

extension VerifyResult {
    /// The wire form of a verification report.
    public init(_ report: VerificationReport) {
        self.init(
            intact: report.isIntact, events: report.events,
            head: HeadResult(sequence: report.computedHead.sequence, hash: report.computedHead.hashHex),
            storedHead: HeadResult(sequence: report.storedHead.sequence, hash: report.storedHead.hashHex),
            failure: report.failure?.description, extends: report.extendsEarlierHead)
    }
}
