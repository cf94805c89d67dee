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
        router.stream(Method.follow) { (params: FollowParams, _, sender: StreamSender<EventsResult>) in
            try await Self.follow(store: store, params: params, sender: sender)
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

    /// `log.follow`: sends what the log holds from `from` on, a batch per line, then sleeps
    /// until the writer appends more; an empty line after `heartbeatSeconds` without events says
    /// the stream is alive. Each line waits until the socket takes it (`ReplyStream`). Ends when
    /// the connection does, or, on shutdown, with a last line without `more` whose `next` is
    /// where to resume.
    static func follow(store: DossierStore, params: FollowParams, sender: StreamSender<EventsResult>) async throws {
        let batch = try Self.pageSize(params.batch)
        let heartbeat = params.heartbeatSeconds ?? 10
        guard (1...300).contains(heartbeat) else {
            throw DomainError.invalidField(field: "heartbeatSeconds", reason: "must be from 1 to 300")
        }
        var next = max(1, params.from ?? 1)
        var lastSent = ContinuousClock.now
        while true {
            if sender.isStopping {
                _ = try await sender.send(EventsResult(events: [], next: next), more: false)
                return
            }
            let events = try store.readAll(from: next, limit: batch)
            if let last = events.last {
                next = last.sequence + 1
                guard try await sender.send(EventsResult(events: try events.map(Self.view), next: next), more: true) else {
                    return
                }
                lastSent = .now
                continue
            }
            if sender.endsWhenCaughtUp {
                _ = try await sender.send(EventsResult(events: [], next: next), more: false)
                return
            }
            if ContinuousClock.now - lastSent >= .seconds(heartbeat) {
                guard try await sender.send(EventsResult(events: [], next: next), more: true) else { return }
                lastSent = .now
            }
            // Short waits, so that a stop is noticed within a quarter of a second.
            _ = await store.waitForEvents(after: next - 1, timeout: .milliseconds(250))
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
