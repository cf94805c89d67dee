import DossierCore
import DossierProtocol
import Foundation

/// One line that says what an event recorded, for people reading a history: the why first
/// (reason, outcome, basis, evidence, note, source), then the other facts as `key=value`,
/// leaving out what the stream's name already says (the customer of `customer-c1`).
enum EventSummary {
    /// Keys that say why, in the order they are worth reading.
    static let whyKeys = ["reason", "outcome", "basis", "evidence", "note", "source"]
    /// Keys that say what, read next; the rest follow in name order.
    static let whatKeys = [
        "subject", "name", "kind", "grade", "score", "amount", "limit", "level", "status", "to", "tier", "stage", "owner",
    ]
    /// Longest a value or the whole line gets before it is cut with "…".
    static let valueWidth = 40
    static let lineWidth = 120

    static func text(of event: EventView) -> String {
        guard case .object(let data) = event.data else {
            return event.type == "Withheld" ? "(withheld from your role)" : ""
        }
        let identity = Set(event.stream.split(separator: "-", maxSplits: 1).dropFirst().map(String.init))
        var parts: [String] = []
        for key in Self.whyKeys {
            if let value = data[key].flatMap(Self.scalar) { parts.append("\(key): \(value)") }
        }
        let rest = data.keys.sorted().filter { !Self.whyKeys.contains($0) && !Self.whatKeys.contains($0) }
        for key in Self.whatKeys.filter(data.keys.contains) + rest {
            guard let value = data[key].flatMap(Self.scalar), !identity.contains(value) else { continue }
            parts.append("\(key)=\(value)")
        }
        return Self.cut(parts.joined(separator: ", "), to: Self.lineWidth)
    }

    /// A value as one short word or phrase; nil for what a summary cannot say briefly.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text.isEmpty ? nil : Self.cut(text, to: Self.valueWidth)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        case .object(let object):
            // An amount with its currency reads as one value.
            if case .string(let amount)? = object["amount"], case .string(let currency)? = object["currency"] {
                return "\(amount) \(currency)"
            }
            return nil
        case .array(let items):
            let words = items.compactMap(Self.scalar)
            return words.count == items.count && !words.isEmpty ? Self.cut(words.joined(separator: "|"), to: Self.valueWidth) : nil
        case .null: return nil
        }
    }

    static func cut(_ text: String, to width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}

extension Rendering {
    /// Events of one or several streams: when, what, who, and a summary of what was recorded.
    static func history(_ events: [EventView]) -> String {
        guard !events.isEmpty else { return "history: no events" }
        return "history\n"
            + TextTable(
                headers: ["SEQ", "RECORDED", "STREAM", "VER", "EVENT", "ACTOR", "SUMMARY"],
                rows: events.map { event in
                    [
                        String(event.sequence), event.recordedAt.iso8601, event.stream, String(event.version),
                        event.type, event.actor.description, EventSummary.text(of: event),
                    ]
                }
            ).render()
    }
}
