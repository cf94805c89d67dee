import DossierProtocol

extension ConfigKeys {
    /// The `[access]` keys; `accounts` resolves user and group names (tests give their own).
    static func access(accounts: AccessLoader.Accounts) -> [ConfigKey] {
        [
            ConfigKey(
                "access.users", .roleTable(kind: "user", lookup: accounts.uid), \.server.access.users,
                "Roles of users, by name or uid"),
            ConfigKey(
                "access.groups", .roleTable(kind: "group", lookup: accounts.gid), \.server.access.groups,
                "Roles of groups, by name or gid"),
            ConfigKey(
                "access.unknown",
                // `none` is the outer .some(nil): a role of none; an unknown name is the outer nil.
                .choice(
                    ["none"] + Role.allCases.map(\.rawValue),
                    { text -> Role?? in text == "none" ? .some(nil) : Role(rawValue: text).map { .some($0) } },
                    { $0?.rawValue ?? "none" }),
                \.server.access.unknown, "Role of a peer no rule matches"),
            ConfigKey("access.root_is_admin", .bool, \.server.access.rootIsAdmin, "Root is admin"),
            ConfigKey(
                "access.daemon_user_is_admin", .bool, \.server.access.daemonUserIsAdmin,
                "The user the daemon runs as is admin"),
        ]
    }
}

extension ConfigValue where Value == [UInt32: Role] {
    /// A table of user or group names (or numbers) and roles, resolved to numbers as it is read.
    static func roleTable(kind: String, lookup: @escaping @Sendable (String) -> UInt32?) -> ConfigValue {
        ConfigValue(
            description: "table of \(kind) names or ids and roles",
            read: { section, name throws(ConfigurationError) in
                guard let entries = try section.stringTable(name) else { return nil }
                return try AccessLoader.roles(entries, table: section.key(name), kind: kind, lookup: lookup)
            },
            // Names were resolved to numbers when the file was loaded.
            render: { roles in
                if roles.isEmpty { return "{}" }
                return "{ " + roles.sorted { $0.key < $1.key }.map { "\"\($0.key)\" = \"\($0.value.rawValue)\"" }
                    .joined(separator: ", ") + " }"
            })
    }
}
