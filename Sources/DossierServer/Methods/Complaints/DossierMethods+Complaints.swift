import DossierCore
import DossierProtocol
import DossierStore

extension DossierMethods {
    static func registerComplaints(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.fileComplaint) { (params: FileComplaintParams, context) in
            let command = FileComplaint(
                customer: try CustomerID.parse(params.customer, field: "customer"), type: params.type,
                channel: params.channel, level: params.level, subject: params.subject,
                description: params.description ?? "", anonymous: params.anonymous ?? false,
                indirect: params.indirect ?? false, unit: params.unit, receivedAt: params.receivedAt,
                incidentAt: params.incidentAt)
            let pending = store.enqueue(command, metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending) { outcome in
                ComplaintResult(complaint: try Self.replyState(outcome), receipt: Self.receipt(outcome))
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
    }
}
