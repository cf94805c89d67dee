import DossierCore
import DossierProtocol

extension Rendering {
    static func complaint(_ result: ComplaintResult) -> String {
        let complaint = result.complaint
        var pairs: [(String, String)] = [
            ("number", complaint.number.rawValue), ("customer", complaint.customer.rawValue),
            ("status", complaint.status.rawValue),
            ("type", "\(complaint.type.rawValue) \(complaint.type.displayName)"),
            ("channel", complaint.channel.rawValue), ("level", complaint.level.rawValue),
            ("subject", complaint.subject),
        ]
        if !complaint.description.isEmpty { pairs.append(("description", complaint.description)) }
        pairs += [
            ("unit", complaint.unit), ("owner", complaint.owner), ("received", complaint.receivedAt.iso8601),
            ("respond by", complaint.respondBy.iso8601), ("resolve by", complaint.resolveBy.iso8601),
            ("filed by", complaint.filedBy.description),
        ]
        if let incident = complaint.incidentAt { pairs.append(("incident", incident.iso8601)) }
        if complaint.anonymous { pairs.append(("anonymous", "yes")) }
        if complaint.indirect { pairs.append(("indirect", "yes")) }
        pairs += Self.receipt(result.receipt)
        return TextTable.details(pairs)
    }

    static func complaints(_ result: ComplaintsResult) -> String {
        if result.complaints.isEmpty { return "no complaints" }
        let table = TextTable(
            headers: ["NUMBER", "CUSTOMER", "LEVEL", "TYPE", "STATUS", "RECEIVED", "RESOLVE BY", "SUBJECT"],
            rows: result.complaints.map {
                [
                    $0.number.rawValue, $0.customer.rawValue, $0.level.rawValue, $0.type.rawValue, $0.status.rawValue,
                    $0.receivedAt.iso8601, $0.resolveBy.iso8601, $0.subject,
                ]
            })
        return table.render() + Self.more(result.next)
    }
}
