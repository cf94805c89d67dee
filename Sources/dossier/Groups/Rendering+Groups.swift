import DossierCore
import DossierProtocol

extension Rendering {
    static func group(_ result: GroupResult) -> String {
        let group = result.group
        var pairs: [(String, String)] = [("group", group.id.rawValue), ("name", group.name)]
        if !group.note.isEmpty { pairs.append(("note", group.note)) }
        if let lead = result.leadBranch {
            pairs.append(
                ("lead branch", "\(lead.branch) (end of \(lead.quarter)" + (lead.balance.map { ", \($0)" } ?? "") + ")")
            )
        } else {
            pairs.append(("lead branch", "no balances recorded for the last quarter"))
        }
        pairs.append(("members", group.members.isEmpty ? "none" : String(group.members.count)))
        for member in group.members {
            pairs.append(("  \(member.customer)", "\(member.relation.rawValue): \(member.evidence)"))
        }
        for exclusion in group.exclusions {
            pairs.append(
                (
                    "excluded",
                    "\(exclusion.entity)" + (exclusion.customer.map { " (\($0))" } ?? "")
                        + ", \(exclusion.reason.rawValue): \(exclusion.evidence)"
                ))
        }
        pairs.append(("version", String(group.version)))
        return TextTable.details(pairs) + Self.receiptLines(result.receipt)
    }

    static func groups(_ result: GroupsResult) -> String {
        if result.groups.isEmpty { return "no groups" }
        return TextTable(
            headers: ["ID", "NAME", "MEMBERS"],
            rows: result.groups.map { [$0.id.rawValue, $0.name, String($0.members.count)] }
        ).render() + Self.more(result.next)
    }

    static func groupExposure(_ result: GroupExposureResult) -> String {
        let exposure = result.exposure
        let currency = exposure.currency
        if result.isWithheld(.creditLimits) {
            return TextTable.details([
                ("group", exposure.group.rawValue),
                ("members", exposure.members.map(\.customer.rawValue).joined(separator: ", ")),
                ("figures", "withheld from your role"),
            ])
        }
        func money(_ amount: ExactDecimal) -> String { Money(amount, currency).description }
        func share(_ ratio: ExactDecimal?) -> String {
            ratio.map { "\($0.multiplied(by: ExactDecimal(100)).formatted(fractionDigits: 2))%" }
                ?? "net capital not recorded"
        }
        var pairs: [(String, String)] = [
            ("group", exposure.group.rawValue), ("as of", exposure.asOf.description),
            ("group limit", money(exposure.groupLimit)),
        ]
        for member in exposure.members {
            var figures = money(member.limit)
            if member.bonds > .zero { figures += ", bonds \(money(member.bonds))" }
            if member.derivatives > .zero { figures += ", derivatives \(money(member.derivatives))" }
            pairs.append(("  \(member.customer)", "\(member.relation.rawValue): \(figures)"))
        }
        pairs += [
            ("member limits", money(exposure.memberLimitSum)), ("headroom", money(exposure.headroom)),
            ("bonds", money(exposure.bonds)), ("derivatives", money(exposure.derivatives)),
            ("total exposure", money(exposure.totalExposure)),
            ("net capital", exposure.netCapital.map(money) ?? "not recorded"),
            ("group limit share", share(exposure.groupLimitShare) + " (at most \(share(exposure.concentrationLimit)))"),
            ("exposure share", share(exposure.exposureShare)),
        ]
        return TextTable.details(pairs)
    }

    static func netCapital(_ result: NetCapitalResult) -> String {
        TextTable.details(
            [
                ("net capital", result.netCapital.amount.description),
                ("effective", result.netCapital.effectiveOn.description), ("reason", result.netCapital.reason),
                ("set by", result.netCapital.setBy),
            ] + Self.receipt(result.receipt))
    }
}
