import DossierCore
import DossierProtocol

/// How results look to people.
enum Rendering {
    static func customer(_ result: CustomerResult) -> String {
        let customer = result.customer
        var pairs: [(String, String)] = [
            ("id", customer.id.rawValue), ("name", customer.name), ("kind", customer.kind.rawValue),
            ("stage", customer.stage.rawValue), ("tier", "\(customer.tier.rawValue) \(customer.tier.displayName)"),
            ("registered", customer.registeredAt.iso8601), ("version", String(customer.version)),
        ]
        if result.isWithheld(.badRecords) {
            pairs.append(("open flags", "withheld from your role"))
        } else {
            pairs.append(("open flags", String(customer.openFlags)))
            if let flagged = customer.lastFlaggedAt { pairs.append(("last flagged", flagged.iso8601)) }
        }
        pairs += Self.receipt(result.receipt)
        return TextTable.details(pairs)
    }

    static func customers(_ result: CustomersResult) -> String {
        if result.customers.isEmpty { return "no customers" }
        let table = TextTable(
            headers: ["ID", "NAME", "KIND", "STAGE", "TIER", "REGISTERED"],
            rows: result.customers.map {
                [$0.id.rawValue, $0.name, $0.kind.rawValue, $0.stage.rawValue, $0.tier.rawValue, $0.registeredAt.iso8601]
            })
        return table.render() + Self.more(result.next)
    }

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

    static func events(_ result: EventsResult) -> String {
        if result.events.isEmpty { return "no events" }
        let table = TextTable(
            headers: ["SEQ", "STREAM", "VER", "TYPE", "RECORDED", "ACTOR", "HASH"],
            rows: result.events.map {
                [
                    String($0.sequence), $0.stream, String($0.version), $0.type, $0.recordedAt.iso8601,
                    $0.actor.description, String($0.hash.prefix(16)),
                ]
            })
        return table.render() + Self.more(result.next.map(String.init), flag: "--from")
    }

    static func head(_ result: HeadResult) -> String {
        TextTable.details([("sequence", String(result.sequence)), ("head hash", result.hash)])
    }

    static func replay(_ result: ReplayResult) -> String {
        var pairs: [(String, String)] = [
            ("result", result.matches ? "projections equal a replay of the log" : "PROJECTIONS DIFFER FROM THE LOG"),
            ("events replayed", String(result.events)), ("rows rebuilt", String(result.rows)),
        ]
        pairs += result.mismatches.map { ("difference", $0) }
        return TextTable.details(pairs)
    }

    static func verification(_ result: VerifyResult) -> String {
        var pairs: [(String, String)] = [
            ("result", result.intact ? "intact" : "ALTERED OR DAMAGED"), ("events checked", String(result.events)),
            ("computed head", "\(result.head.sequence) \(result.head.hash)"),
            ("stored head", "\(result.storedHead.sequence) \(result.storedHead.hash)"),
        ]
        if let failure = result.failure { pairs.append(("first problem", failure)) }
        return TextTable.details(pairs)
    }

    private static func receipt(_ receipt: AppendReceipt?) -> [(String, String)] {
        guard let receipt else { return [] }
        return [
            ("event", "#\(receipt.sequence) \(receipt.eventId.uuidString.lowercased())"
                + (receipt.deduplicated ? " (already recorded; nothing appended)" : "")),
        ]
    }

    private static func more(_ next: String?, flag: String = "--after") -> String {
        guard let next else { return "" }
        return "\n(more: \(flag) \(next))"
    }
}
