import DossierCore
import DossierProtocol

extension Rendering {
    static func rating(_ result: RatingResult) -> String {
        Self.ratingLines(result.rating, withheld: result.isWithheld(.internalRatings))
            + Self.receiptLines(result.receipt)
    }

    static func ratings(_ result: RatingsResult) -> String {
        if result.ratings.isEmpty { return "customer \(result.customer) has no rating" }
        return result.ratings.map { Self.ratingLines($0, withheld: result.isWithheld(.internalRatings)) }
            .joined(separator: "\n\n")
    }

    /// One scale's ratings of a customer.
    static func ratingLines(_ state: RatingState, withheld: Bool) -> String {
        var pairs: [(String, String)] = [("customer", state.customer.rawValue), ("scale", state.scale)]
        if withheld {
            pairs.append(("rating", "withheld from your role"))
        } else {
            if let active = state.active {
                pairs += [
                    ("grade", active.grade + (active.isDefault ? " (default)" : "")),
                    ("reason", active.reason.rawValue + (active.rule.map { " (\($0))" } ?? "")),
                    ("effective", active.effectiveOn.description), ("next review", active.nextReviewOn.description),
                    ("rated by", active.proposedBy ?? "rule"), ("approved by", active.approvedBy),
                ]
                if let score = active.score { pairs.append(("score", score.description)) }
                if let parts = active.parts {
                    pairs.append(("parts", parts.map { "\($0.part)=\($0.points)" }.joined(separator: " ")))
                }
                if let capped = active.cappedBy { pairs.append(("capped by", "part \(capped) (bucket principle)")) }
                if let ratio = active.provisionRatio { pairs.append(("provision ratio", ratio.description)) }
            } else {
                pairs.append(("grade", "none approved"))
            }
            if let pending = state.pending {
                pairs.append(
                    ("pending", "\(pending.grade) (\(pending.reason.rawValue)) proposed by \(pending.proposedBy.user)"))
            }
        }
        pairs.append(("version", String(state.version)))
        return TextTable.details(pairs)
    }

    static func ratingHistory(_ result: RatingHistoryResult) -> String {
        guard let ratings = result.ratings else { return "ratings of \(result.customer): withheld from your role" }
        if ratings.isEmpty { return "customer \(result.customer) was never rated on \(result.scale)" }
        return TextTable(
            headers: ["EFFECTIVE", "GRADE", "REASON", "RATED BY", "APPROVED BY", "NEXT REVIEW"],
            rows: ratings.map {
                [
                    $0.effectiveOn.description, $0.grade, $0.reason.rawValue, $0.proposedBy ?? ($0.rule ?? "rule"),
                    $0.approvedBy, $0.nextReviewOn.description,
                ]
            }
        ).render()
    }

    static func ratingsDue(_ result: RatingsDueResult) -> String {
        if result.due.isEmpty { return "no review due by \(result.through)" }
        return TextTable(
            headers: ["CUSTOMER", "SCALE", "GRADE", "NEXT REVIEW", "OVERDUE"],
            rows: result.due.map {
                [
                    $0.customer.rawValue, $0.scale, $0.grade ?? "withheld", $0.nextReviewOn.description,
                    $0.overdue ? "yes" : "",
                ]
            }
        ).render() + Self.more(result.next)
    }

    static func quarterlyDowngrade(_ result: QuarterlyDowngradeResult) -> String {
        var pairs: [(String, String)] = [
            ("scale", result.scale), ("quarter", result.quarter.description),
            ("threshold", result.threshold.description),
        ]
        if let downgraded = result.downgraded {
            pairs.append(("downgraded", downgraded.isEmpty ? "none" : ""))
            for change in downgraded { pairs.append(("  \(change.customer)", "\(change.from) -> \(change.to)")) }
            pairs.append(
                ("at lowest grade", result.atLowestGrade.map { $0.map(\.rawValue).joined(separator: ", ") } ?? ""))
        } else {
            pairs.append(("downgrades", "withheld from your role"))
        }
        pairs.append(("unrated", result.unrated.map(\.rawValue).joined(separator: ", ")))
        return TextTable.details(pairs + Self.receipt(result.receipt))
    }

    /// The receipt of a command as lines after a record, or nothing.
    static func receiptLines(_ receipt: AppendReceipt?) -> String {
        let lines = Self.receipt(receipt)
        return lines.isEmpty ? "" : "\n" + TextTable.details(lines)
    }
}
