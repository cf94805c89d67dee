import DossierCore
import DossierProtocol

extension ConfigValue where Value == AuthorityLadder {
    /// `authorities = [{ name = "...", roles = [...], users = [...] }, ...]`, lowest first.
    static let authorities = ConfigValue(
        description: "array of authority tables, lowest first",
        read: { section, name throws(ConfigurationError) in
            guard let elements = try section.tableArray(name) else { return nil }
            guard !elements.isEmpty else {
                throw ConfigurationError(key: section.key(name), message: "must name at least one authority")
            }
            var authorities: [Authority] = []
            for element in elements {
                let authorityName = try element.identifier("name")
                guard !authorities.contains(where: { $0.name == authorityName }) else {
                    throw ConfigurationError(key: element.key("name"), message: "\"\(authorityName)\" is listed twice")
                }
                authorities.append(
                    Authority(
                        name: authorityName, roles: try element.roleNames("roles", callers: .approveLimit) ?? [],
                        users: try element.stringArray("users") ?? []))
            }
            return AuthorityLadder(authorities)
        },
        render: { ladder in
            "["
                + ladder.authorities.map {
                    "{ name = \(tomlString($0.name)), roles = \(tomlStrings($0.roles)), "
                        + "users = \(tomlStrings($0.users)) }"
                }.joined(separator: ", ") + "]"
        })
}

extension ConfigValue where Value == [ApprovalBand] {
    /// `approval_bands = [{ up_to = "50000000", authority = "..." }, { authority = "..." }]`.
    static let approvalBands = ConfigValue(
        description: "array of band tables, ascending, the last without up_to",
        read: { section, name throws(ConfigurationError) in
            guard let elements = try section.tableArray(name) else { return nil }
            var bands: [ApprovalBand] = []
            for (index, element) in elements.enumerated() {
                let upTo = try element.decimal("up_to")
                guard (upTo == nil) == (index == elements.count - 1) else {
                    throw ConfigurationError(
                        key: element.key("up_to"), message: "every band but the last has up_to; the last has none")
                }
                if let upTo, let previous = bands.last?.upTo, upTo <= previous {
                    throw ConfigurationError(key: element.key("up_to"), message: "must be above the band before")
                }
                bands.append(ApprovalBand(upTo: upTo, authority: try element.identifier("authority")))
            }
            guard !bands.isEmpty else { throw ConfigurationError(key: section.key(name), message: "must have a band") }
            return bands
        },
        render: { bands in
            "["
                + bands.map { band in
                    "{ " + (band.upTo.map { "up_to = \(tomlString($0.description)), " } ?? "")
                        + "authority = \(tomlString(band.authority)) }"
                }.joined(separator: ", ") + "]"
        })
}
