import DossierCore
import DossierProtocol

extension Rendering {
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
            for flag in customer.flags {
                pairs.append(("  flag \(flag.number)", "\(flag.kind.rawValue), observed \(flag.observedOn)"))
            }
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

    static func flaggedCustomers(_ result: FlaggedCustomersResult) -> String {
        if result.isWithheld(.badRecords) {
            return "customers with open \(result.kind.rawValue) flags: withheld from your role"
        }
        let customers = result.customers ?? []
        if customers.isEmpty { return "no customer has an open \(result.kind.rawValue) flag" }
        return Self.customers(CustomersResult(customers: customers, next: result.next))
    }
}
