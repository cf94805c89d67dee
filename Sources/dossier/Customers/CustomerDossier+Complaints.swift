import DossierClient
import DossierCore
import DossierProtocol

extension CustomerDossier {
    /// The complaints part of the dossier: the customer's complaints with their state and
    /// deadlines, from `complaint.list` (the customer rooms know nothing of complaints), and
    /// their streams for `--history`. A caller who may not list complaints gets the rest of
    /// the dossier with a line saying why this part is missing.
    mutating func addComplaints(from connection: DossierConnection, asOf: Timestamp?) throws {
        var params = ListComplaintsParams(customer: self.id.rawValue, limit: 1000, asOf: asOf)
        var all = ComplaintsResult(complaints: [], due: [], next: nil)
        do {
            while true {
                let page = try connection.call(Method.listComplaints, params, as: ComplaintsResult.self)
                all.complaints += page.complaints
                all.due = page.due.map { (all.due ?? []) + $0 }
                all.asOf = page.asOf
                guard let next = page.next else { break }
                params.after = next
            }
        } catch let error as WireError {
            self.add(Section(key: "complaints", text: "complaints: not shown (\(error.message))", json: .null))
            return
        }
        let json = try DossierJSON.decode(JSONValue.self, from: DossierJSON.encode(all))
        self.add(Section(key: "complaints", text: Rendering.complaintsOfCustomer(all), json: json))
        for complaint in all.complaints { self.addHistorySource(HistorySource(stream: .complaint(complaint.number))) }
    }
}

extension Rendering {
    /// A customer's complaints, one row each, with the next deadline and whether one passed.
    static func complaintsOfCustomer(_ result: ComplaintsResult) -> String {
        guard !result.complaints.isEmpty else { return "complaints: none" }
        let dues = result.due.map { $0.map(Optional.some) } ?? Array(repeating: nil, count: result.complaints.count)
        let table = TextTable(
            headers: ["COMPLAINT", "STATUS", "LEVEL", "RECEIVED", "RESPOND BY", "RESOLVE BY", "NEXT DUE", "SUBJECT"],
            rows: zip(result.complaints, dues).map { complaint, due in
                [
                    complaint.number.rawValue,
                    complaint.status.rawValue + (due?.overdue == true ? " (overdue)" : ""), complaint.level.rawValue,
                    complaint.receivedAt.iso8601, complaint.respondBy.iso8601, complaint.resolveBy.iso8601,
                    due?.nextDeadline.map { "\(due?.nextClock?.rawValue ?? "") \($0.iso8601)" } ?? "-",
                    complaint.subject,
                ]
            })
        return "complaints (\(result.complaints.count)):\n" + table.render()
    }
}
