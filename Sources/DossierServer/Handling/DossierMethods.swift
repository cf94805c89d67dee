import DossierCore
import DossierProtocol
import DossierStore
import Foundation

/// The handlers behind each method, registered on a router.
enum DossierMethods {
    static let defaultPageSize = 100
    static let maximumPageSize = 1000

    static func router(store: DossierStore, serverVersion: String, monitor: ServerMonitor = ServerMonitor()) -> RequestRouter {
        var router = RequestRouter()
        Self.registerOperations(on: &router, store: store, monitor: monitor, serverVersion: serverVersion)

        router.query(Method.hello, .quick) { (_: NoParams, context) in
            HelloResult(
                server: "dossierd", version: serverVersion, protocolVersion: Method.protocolVersion,
                serverUid: geteuid(), uid: context.peer.uid, user: context.user, role: context.role)
        }
        router.query(Method.methods, .quick) { (_: NoParams, _) in MethodsResult(methods: Method.all) }

        router.command(Method.registerCustomer) { (params: RegisterCustomerParams, context) in
            let command = RegisterCustomer(
                id: try CustomerID.parse(params.id, field: "id"), name: params.name, kind: params.kind,
                stage: params.stage ?? .prospect, tier: params.tier ?? .ordinary)
            let pending = store.enqueue(
                .registerCustomer(command), metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending) { outcome in
                guard let customer = try store.customer(command.id) else { throw DomainError.customerNotFound(command.id) }
                return CustomerResult(customer: customer, receipt: Self.receipt(outcome))
            }
        }
        router.command(Method.flagCustomer) { (params: FlagCustomerParams, context) in
            let command = FlagCustomer(
                customer: try CustomerID.parse(params.customer, field: "customer"), kind: params.kind,
                source: params.source, detail: params.detail ?? "", observedOn: params.observedOn,
                response: params.response)
            let pending = store.enqueue(
                .flagCustomer(command),
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending) { outcome in
                guard let customer = try store.customer(command.customer) else {
                    throw DomainError.customerNotFound(command.customer)
                }
                return CustomerResult(customer: customer, receipt: Self.receipt(outcome))
            }
        }
        router.query(Method.showCustomer, cost: Self.costOfState) { (params: CustomerIDParams, _) in
            let id = try CustomerID.parse(params.id, field: "id")
            let found = try params.asOf.map { try store.customer(id, asOf: $0) } ?? store.customer(id)
            guard let customer = found else { throw DomainError.customerNotFound(id) }
            return CustomerResult(customer: customer)
        }
        router.query(Method.listCustomers, .long) { (params: ListCustomersParams, _) in
            let limit = try Self.pageSize(params.limit)
            let after = try params.after.map { try CustomerID.parse($0, field: "after") }
            let customers = try store.customers(after: after, limit: limit + 1)
            return CustomersResult(
                customers: Array(customers.prefix(limit)),
                next: customers.count > limit ? customers[limit - 1].id.rawValue : nil)
        }

        router.command(Method.fileComplaint) { (params: FileComplaintParams, context) in
            let command = FileComplaint(
                customer: try CustomerID.parse(params.customer, field: "customer"), type: params.type,
                channel: params.channel, level: params.level, subject: params.subject,
                description: params.description ?? "", anonymous: params.anonymous ?? false,
                indirect: params.indirect ?? false, unit: params.unit, receivedAt: params.receivedAt,
                incidentAt: params.incidentAt)
            let pending = store.enqueue(
                .fileComplaint(command), metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending) { outcome in
                // The executor guarantees a retry's first event is this command's ComplaintFiled.
                guard let first = outcome.events.first, case .complaintFiled(let filed) = try DomainEvent.decode(first),
                    let complaint = try store.complaint(filed.number)
                else { throw StoreError.corrupted("complaint.file produced no complaint") }
                return ComplaintResult(complaint: complaint, receipt: Self.receipt(outcome))
            }
        }
        router.query(Method.showComplaint, cost: Self.costOfState) { (params: ComplaintNumberParams, _) in
            let number = try ComplaintNumber.parse(params.number)
            let found = try params.asOf.map { try store.complaint(number, asOf: $0) } ?? store.complaint(number)
            guard let complaint = found else { throw DomainError.complaintNotFound(number) }
            return ComplaintResult(complaint: complaint)
        }
        router.query(Method.listComplaints, .long) { (params: ListComplaintsParams, _) in
            let limit = try Self.pageSize(params.limit)
            let customer = try params.customer.map { try CustomerID.parse($0, field: "customer") }
            if let customer, try store.customer(customer) == nil { throw DomainError.customerNotFound(customer) }
            let after = try params.after.map { try ComplaintNumber.parse($0) }
            let complaints = try store.complaints(of: customer, after: after, limit: limit + 1)
            return ComplaintsResult(
                complaints: Array(complaints.prefix(limit)),
                next: complaints.count > limit ? complaints[limit - 1].number.rawValue : nil)
        }

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
        router.query(Method.verify, .long) { (_: NoParams, _) in
            let report = try store.verify()
            return VerifyResult(
                intact: report.isIntact, events: report.events,
                head: HeadResult(sequence: report.computedHead.sequence, hash: report.computedHead.hashHex),
                storedHead: HeadResult(sequence: report.storedHead.sequence, hash: report.storedHead.hashHex),
                failure: report.failure?.description)
        }
        return router
    }

    /// A state now is one projection row; a state as of a past time folds the stream's history.
    @Sendable static func costOfState(_ params: some AsOfParams) -> ReadCost {
        params.asOf == nil ? .quick : .long
    }

    static func pageSize(_ requested: Int?) throws(DomainError) -> Int {
        guard let requested else { return Self.defaultPageSize }
        guard (1...Self.maximumPageSize).contains(requested) else {
            throw .invalidField(field: "limit", reason: "must be from 1 to \(Self.maximumPageSize)")
        }
        return requested
    }

    static func receipt(_ outcome: CommandOutcome) -> AppendReceipt? {
        outcome.events.first.map {
            AppendReceipt(sequence: $0.sequence, eventId: $0.id, deduplicated: outcome.deduplicated)
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
