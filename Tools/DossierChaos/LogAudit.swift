import DossierClient
import DossierCore
import DossierProtocol
import Foundation

/// Checks a daemon's log and projections through the protocol, as any client could: the whole
/// log read with `log.read`, `audit.verify`, and the projections (`customer.list`,
/// `complaint.list`, `customer.show`, `complaint.show`) against a fold of the log computed here.
public struct LogAudit {
    public let events: [EventView]
    /// Each event by id; an id stored twice keeps its first event (and is reported).
    public let eventsByID: [UUID: EventView]

    /// Reads the whole log a page of 1000 at a time.
    public init(reading connection: DossierConnection) throws {
        var events: [EventView] = []
        var from: UInt64? = 1
        while let next = from {
            let page = try connection.call(Method.readLog, ReadLogParams(from: next, limit: 1000), as: EventsResult.self)
            events += page.events
            from = page.next
        }
        self.init(events: events)
    }

    public init(events: [EventView]) {
        self.events = events
        var byID: [UUID: EventView] = [:]
        byID.reserveCapacity(events.count)
        for event in events where byID[event.id] == nil { byID[event.id] = event }
        self.eventsByID = byID
    }

    /// Problems with the shape of the log: sequence gaps, ids stored twice, stream versions out
    /// of order, and anything `audit.verify` and `log.head` disagree with.
    public func structuralProblems(verify: VerifyResult, head: HeadResult) -> [String] {
        var problems: [String] = []
        for (index, event) in self.events.enumerated() where event.sequence != UInt64(index + 1) {
            problems.append("sequence gap: position \(index + 1) holds sequence \(event.sequence)")
            break
        }
        if self.eventsByID.count != self.events.count {
            problems.append("\(self.events.count - self.eventsByID.count) event ids are stored more than once")
        }
        var versions: [String: UInt64] = [:]
        for event in self.events {
            let expected = (versions[event.stream] ?? 0) + 1
            if event.version != expected {
                problems.append("stream \(event.stream): sequence \(event.sequence) has version \(event.version), expected \(expected)")
                break
            }
            versions[event.stream] = expected
        }
        let count = UInt64(self.events.count)
        if !verify.intact { problems.append("audit.verify: not intact: \(verify.failure ?? "no reason given")") }
        if verify.events != count { problems.append("audit.verify counted \(verify.events) events, log.read returned \(count)") }
        if head.sequence != count { problems.append("log.head is at \(head.sequence), log.read returned \(count) events") }
        if let last = self.events.last, head.hash != last.hash {
            problems.append("log.head hash \(head.hash) is not the last event's hash \(last.hash)")
        }
        if verify.head != head { problems.append("audit.verify recomputed head \(verify.head), log.head says \(head)") }
        return problems
    }

    /// The state of every customer and complaint stream, folded from the log with the domain's
    /// own `apply` functions: what the projections must equal.
    public func replay() throws -> (customers: [String: CustomerState], complaints: [String: ComplaintState]) {
        var customers: [String: CustomerState] = [:]
        var complaints: [String: ComplaintState] = [:]
        for event in self.events {
            let domainEvent = try DomainEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: try DossierJSON.encode(event.data))
            let metadata = EventMetadata(
                sequence: event.sequence, version: event.version, occurredAt: event.occurredAt,
                recordedAt: event.recordedAt, actor: event.actor)
            if event.stream.hasPrefix("customer-") {
                customers[event.stream] = CustomerState.apply(customers[event.stream], domainEvent, at: metadata)
            } else if event.stream.hasPrefix("complaint-") {
                complaints[event.stream] = ComplaintState.apply(complaints[event.stream], domainEvent, at: metadata)
            }
        }
        return (customers, complaints)
    }

    /// Problems where what the daemon serves differs from `replay()`: every row of the
    /// customer and complaint lists, and `show` of the given entities.
    public func projectionProblems(
        _ connection: DossierConnection, showCustomers: [String] = [], showComplaints: [String] = []
    ) throws -> [String] {
        let (customers, complaints) = try self.replay()
        var problems: [String] = []

        var listedCustomers: [String: CustomerState] = [:]
        var after: String?
        repeat {
            let page = try connection.call(
                Method.listCustomers, ListCustomersParams(after: after, limit: 1000), as: CustomersResult.self)
            for customer in page.customers { listedCustomers[StreamID.customer(customer.id).rawValue] = customer }
            after = page.next
        } while after != nil
        problems += Self.differences("customer", projected: listedCustomers, replayed: customers)

        var listedComplaints: [String: ComplaintState] = [:]
        after = nil
        repeat {
            let page = try connection.call(
                Method.listComplaints, ListComplaintsParams(after: after, limit: 1000), as: ComplaintsResult.self)
            for complaint in page.complaints { listedComplaints[StreamID.complaint(complaint.number).rawValue] = complaint }
            after = page.next
        } while after != nil
        problems += Self.differences("complaint", projected: listedComplaints, replayed: complaints)

        for id in showCustomers {
            let shown = try connection.call(Method.showCustomer, CustomerIDParams(id: id), as: CustomerResult.self)
            if shown.customer != customers["customer-\(id)"] {
                problems.append("customer.show \(id) differs from the replay: \(shown.customer)")
            }
        }
        for number in showComplaints {
            let shown = try connection.call(
                Method.showComplaint, ComplaintNumberParams(number: number), as: ComplaintResult.self)
            if shown.complaint != complaints["complaint-\(number)"] {
                problems.append("complaint.show \(number) differs from the replay: \(shown.complaint)")
            }
        }
        return problems
    }

    private static func differences<State: Equatable>(
        _ kind: String, projected: [String: State], replayed: [String: State]
    ) -> [String] {
        var problems: [String] = []
        for (stream, state) in replayed where projected[stream] != state {
            if let served = projected[stream] {
                problems.append("\(kind) \(stream): projection \(served) differs from replay \(state)")
            } else {
                problems.append("\(kind) \(stream) is in the log but not in the projection")
            }
            if problems.count >= 5 { return problems }
        }
        for stream in projected.keys where replayed[stream] == nil {
            problems.append("\(kind) \(stream) is in the projection but has no events in the log")
            if problems.count >= 5 { return problems }
        }
        return problems
    }
}
