import DossierProtocol

extension ConfigKeys {
    /// `[access.confidential]`: which roles see each kind of confidential information.
    static let confidentiality: [ConfigKey] = Confidentiality.all.map { kind in
        ConfigKey(
            "access.confidential.\(kind.configName)", .roles, reload: .needsRestart,
            "Roles that see \(kind.name) (others get the result without them and `withheld` naming them)",
            get: { $0.server.access.confidential.roles(of: kind) },
            set: { configuration, roles in configuration.server.access.confidential.set(roles, for: kind) })
    }
}

extension Confidentiality {
    /// The kind's key in `[access.confidential]`: `badRecords` is `bad_records`.
    var configName: String {
        self.name.reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }
}

extension ConfigValue where Value == [Role] {
    /// An array of role names.
    static let roles = ConfigValue(
        description: "array of roles (\(Role.allowedValues))",
        read: { section, name throws(ConfigurationError) in
            guard let names = try section.stringArray(name) else { return nil }
            var roles: [Role] = []
            for text in names {
                guard let role = Role(rawValue: text) else {
                    throw ConfigurationError(
                        key: section.key(name), message: "\"\(text)\" is not one of \(Role.allowedValues)")
                }
                roles.append(role)
            }
            return Role.allCases.filter(roles.contains)
        },
        render: { tomlStrings($0.map(\.rawValue)) })
}
