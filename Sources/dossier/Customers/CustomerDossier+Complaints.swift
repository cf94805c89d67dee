import DossierClient
import DossierCore
import DossierProtocol

/// The complaints section of `dossier customer show`: the customer's complaints with their
/// state and deadlines, from `complaint.list` (the customer rooms know nothing of complaints).
enum CustomerDossier {
    /// The section to print below the customer, or a line saying why it is missing.
    static func complaints(of customer: String, options: GlobalOptions) -> String {
        do {
            let connection = try options.connect()
            var params = ListComplaintsParams(customer: customer, limit: 1000)
            var complaints: [(ComplaintState, ComplaintDue?)] = []
            while true {
                let page = try connection.call(Method.listComplaints, params, as: ComplaintsResult.self)
                let dues = page.due.map { $0.map(Optional.some) } ?? Array(repeating: nil, count: page.complaints.count)
                complaints += zip(page.complaints, dues).map { ($0, $1) }
                guard let next = page.next else { break }
                params.after = next
            }
            return Self.render(complaints)
        } catch {
            return "\ncomplaints: not shown (\(ErrorReport(error)?.text ?? "\(error)"))"
        }
    }

    static func render(_ complaints: [(ComplaintState, ComplaintDue?)]) -> String {
        guard !complaints.isEmpty else { return "\ncomplaints: none" }
        let table = TextTable(
            headers: ["COMPLAINT", "STATUS", "LEVEL", "RECEIVED", "RESPOND BY", "RESOLVE BY", "NEXT DUE", "SUBJECT"],
            rows: complaints.map { complaint, due in
                [
                    complaint.number.rawValue,
                    complaint.status.rawValue + (due?.overdue == true ? " (overdue)" : ""), complaint.level.rawValue,
                    complaint.receivedAt.iso8601, complaint.respondBy.iso8601, complaint.resolveBy.iso8601,
                    due?.nextDeadline.map { "\(due?.nextClock?.rawValue ?? "") \($0.iso8601)" } ?? "-",
                    complaint.subject,
                ]
            })
        return "\ncomplaints (\(complaints.count)):\n" + table.render()
    }
}
