import DossierCore
import DossierProtocol

extension Rendering {
    static func complaint(_ result: ComplaintResult) -> String {
        let complaint = result.complaint
        var pairs: [(String, String)] = [
            ("number", complaint.number.rawValue), ("customer", complaint.customer?.rawValue ?? "(anonymous)"),
            ("status", complaint.status.rawValue + (complaint.isPaused ? " (clock paused)" : "")),
            ("type", "\(complaint.type.rawValue) \(complaint.type.displayName)"),
            ("channel", complaint.channel.rawValue), ("level", complaint.level.rawValue),
            ("scope", complaint.scope.rawValue), ("subject", complaint.subject),
        ]
        if !complaint.description.isEmpty { pairs.append(("description", complaint.description)) }
        pairs += [
            ("unit", complaint.unit), ("owner", complaint.owner), ("received", complaint.receivedAt.iso8601),
            ("respond by", complaint.respondBy.iso8601 + Self.met(complaint.respondedAt)),
        ]
        if let by = complaint.temporaryMeasureBy {
            pairs.append(("temporary measure by", by.iso8601 + Self.met(complaint.temporaryMeasureAt)))
        }
        pairs.append(("resolve by", complaint.resolveBy.iso8601 + Self.met(complaint.resolvedAt)))
        if let by = complaint.revisitBy { pairs.append(("revisit by", by.iso8601 + Self.met(complaint.revisitedAt))) }
        if let by = complaint.closeBy { pairs.append(("close by", by.iso8601)) }
        if let basis = complaint.basis {
            pairs.append(("deadlines under", "\(basis.level.rawValue) service level, calendar \(basis.calendar)"))
        }
        if let request = complaint.extensionRequest {
            pairs.append(
                ("extension asked", "until \(request.until.iso8601) by \(request.requestedBy): \(request.reason)"))
        }
        if let result = complaint.result { pairs.append(("result", result)) }
        if let satisfaction = complaint.replySatisfaction {
            pairs.append(("satisfaction at reply", satisfaction.rawValue))
        }
        if let satisfaction = complaint.revisitSatisfaction {
            pairs.append(("satisfaction at revisit", satisfaction.rawValue))
        }
        if let rule = complaint.rejectedUnder { pairs.append(("rejected under", rule)) }
        if let reason = complaint.endReason, !reason.isEmpty { pairs.append(("reason", reason)) }
        if let outcome = complaint.outcome {
            pairs.append(
                (
                    "responsibility",
                    "\(outcome.responsibility.rawValue), our share \(outcome.ourSharePercent)%"
                        + (outcome.loss.map { ", loss \($0)" } ?? "")
                ))
        }
        if let compensation = complaint.compensation {
            pairs.append(
                (
                    "compensation",
                    "\(compensation.kind.rawValue) \(compensation.amount) (ours \(compensation.ourShare)), "
                        + "\(compensation.decision.rawValue), needs \(compensation.authorityNeeded.rawValue); proposed by "
                        + compensation.proposedBy + (compensation.decidedBy.map { ", decided by \($0)" } ?? "")
                ))
        }
        for entry in complaint.eightD {
            pairs.append(("  \(entry.step.rawValue) \(entry.step.title)", "\(entry.on) \(entry.owner): \(entry.text)"))
        }
        if let until = complaint.eightDTrackingUntil { pairs.append(("8D tracking until", until.description)) }
        if let incident = complaint.incident { pairs.append(("group incident", incident)) }
        if let from = complaint.reopenedFrom { pairs.append(("reopened from", from.rawValue)) }
        if let to = complaint.reopenedAs { pairs.append(("reopened as", to.rawValue)) }
        if let external = complaint.externalId { pairs.append(("external id", external)) }
        if let claim = complaint.claim { pairs.append(("claim", claim.description)) }
        if let incident = complaint.incidentAt { pairs.append(("incident", incident.iso8601)) }
        if complaint.anonymous { pairs.append(("anonymous", "yes")) }
        if complaint.indirect { pairs.append(("indirect", "yes")) }
        if complaint.foreign { pairs.append(("foreign", "yes")) }
        pairs += [("filed by", complaint.filedBy.description), ("version", String(complaint.version))]
        pairs += Self.receipt(result.receipt)
        return TextTable.details(pairs)
    }

    /// ` (done <time>)` after a deadline that was met or missed.
    private static func met(_ at: Timestamp?) -> String { at.map { " (done \($0.iso8601))" } ?? "" }

    static func complaints(_ result: ComplaintsResult) -> String {
        if result.complaints.isEmpty { return "no complaints" }
        let table = TextTable(
            headers: ["NUMBER", "CUSTOMER", "LEVEL", "TYPE", "STATUS", "OWNER", "NEXT", "DUE", "CLOCK", "SUBJECT"],
            rows: zip(result.complaints, Self.dues(result)).map { complaint, due in
                [
                    complaint.number.rawValue, complaint.customer?.rawValue ?? "-", complaint.level.rawValue,
                    complaint.type.rawValue, complaint.status.rawValue, complaint.owner,
                    due?.nextClock?.rawValue ?? "-", due?.nextDeadline?.iso8601 ?? "-", Self.clockState(due),
                    complaint.subject,
                ]
            })
        return table.render() + Self.more(result.next)
    }

    /// The clocks of each listed complaint, or nils from a daemon that sent none.
    private static func dues(_ result: ComplaintsResult) -> [ComplaintDue?] {
        result.due.map { $0.map(Optional.some) } ?? Array(repeating: nil, count: result.complaints.count)
    }

    private static func clockState(_ due: ComplaintDue?) -> String {
        guard let due else { return "-" }
        var words: [String] = []
        if due.paused { words.append("paused") }
        if due.overdue { words.append("OVERDUE") } else if due.atRisk { words.append("at risk") }
        if due.responseBreached || due.resolutionBreached { words.append("breached") }
        if !due.escalationSuggested.isEmpty { words.append("escalate?") }
        return words.isEmpty ? "ok" : words.joined(separator: ",")
    }

    static func due(_ list: DueList) -> String {
        var owners = Set(list.overdue.complaints.map(\.owner))
        owners.formUnion(list.dueToday.complaints.map(\.owner))
        if owners.isEmpty { return "nothing overdue or due today" }
        var sections: [String] = []
        for owner in owners.sorted() {
            var lines = ["\(owner):"]
            for (title, result) in [("overdue", list.overdue), ("due today", list.dueToday)] {
                let rows = zip(result.complaints, Self.dues(result)).filter { $0.0.owner == owner }
                    .filter { title == "overdue" || $0.1?.overdue != true }
                guard !rows.isEmpty else { continue }
                lines.append("  \(title):")
                for (complaint, due) in rows {
                    var line =
                        "    \(complaint.number.rawValue)  \(complaint.level.rawValue)  "
                        + "\(due?.nextClock?.rawValue ?? "-") by \(due?.nextDeadline?.iso8601 ?? "-")  \(complaint.subject)"
                    if let reasons = due?.escalationSuggested, !reasons.isEmpty {
                        line += "  (escalate: \(reasons.joined(separator: "; ")))"
                    }
                    lines.append(line)
                }
            }
            sections.append(lines.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n")
    }

    static func incident(_ result: IncidentResult) -> String {
        let incident = result.incident
        var pairs: [(String, String)] = [
            ("incident", incident.id), ("subject", incident.subject), ("level", incident.level.rawValue),
            ("raised", "\(incident.raisedAt.iso8601) by \(incident.raisedBy)"),
            ("complaints", incident.complaints.map(\.rawValue).joined(separator: ", ")),
            ("customers", incident.customers.map(\.rawValue).joined(separator: ", ")),
            ("report to regulator", incident.reportToRegulator ? "yes" : "no"),
        ]
        if let by = incident.reportBy { pairs.append(("report by", by.iso8601)) }
        return TextTable.details(pairs)
    }
}
