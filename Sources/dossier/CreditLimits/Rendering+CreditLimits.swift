import DossierCore
import DossierProtocol

extension Rendering {
    static func creditLimits(_ result: CreditLimitsResult) -> String {
        guard let state = result.limits, !result.isWithheld(.creditLimits) else {
            return "limits of \(result.subject): withheld from your role"
        }
        var text = "limits of \(result.subject) on \(result.asOf)"
        if state.limits.isEmpty {
            text += ": none approved"
        } else {
            text +=
                "\n"
                + TextTable(
                    headers: [
                        "#", "AMOUNT", "KIND", "MODE", "VALID FROM", "VALID TO", "STATUS", "AUTHORITY", "APPROVED BY",
                    ],
                    rows: state.limits.map {
                        [
                            String($0.number), $0.amount.description, $0.kind.rawValue, $0.mode.rawValue,
                            $0.validFrom.description,
                            $0.validTo.description, $0.status(on: result.asOf).rawValue, $0.authority, $0.approvedBy,
                        ]
                    }
                ).render()
        }
        if let totals = result.totals, !totals.isEmpty {
            text += "\ntotal in force: " + totals.map(\.description).joined(separator: ", ")
        }
        if let pending = state.pending {
            let what = pending.isChange ? "change of limit" : "new limit"
            text += "\npending: \(what) \(pending.number), \(pending.amount), \(pending.kind.rawValue), "
                + "to \(pending.validTo), proposed by \(pending.proposedBy.user)"
        }
        return text + Self.receiptLines(result.receipt)
    }

    static func expiringLimits(_ result: ExpiringLimitsResult) -> String {
        if result.limits.isEmpty { return "no limit expires from \(result.from) through \(result.through)" }
        return TextTable(
            headers: ["SUBJECT", "#", "AMOUNT", "VALID TO", "STATUS"],
            rows: result.limits.map {
                [
                    $0.subject.description, String($0.number), $0.amount?.description ?? "withheld",
                    $0.validTo.description,
                    $0.status.rawValue,
                ]
            }
        ).render() + Self.more(result.next)
    }
}
