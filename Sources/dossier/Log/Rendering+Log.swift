import DossierCore
import DossierProtocol

extension Rendering {
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
        if let extends = result.extends {
            pairs.append(
                ("earlier head", extends ? "extended: the log still holds it" : "NOT EXTENDED: the log differs from the head written down"))
        }
        return TextTable.details(pairs)
    }
}
