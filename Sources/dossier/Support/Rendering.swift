import DossierCore
import DossierProtocol

/// How results look to people: each room renders its own results (`Rendering+Customers`, ...);
/// here is what they share.
enum Rendering {
    static func receipt(_ receipt: AppendReceipt?) -> [(String, String)] {
        guard let receipt else { return [] }
        return [
            ("event", "#\(receipt.sequence) \(receipt.eventId.uuidString.lowercased())"
                + (receipt.deduplicated ? " (already recorded; nothing appended)" : "")),
        ]
    }

    static func more(_ next: String?, flag: String = "--after") -> String {
        guard let next else { return "" }
        return "\n(more: \(flag) \(next))"
    }
}
