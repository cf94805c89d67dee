import DossierCore
import DossierProtocol

// The kinds of value the credit policy's keys hold: exact decimals, role names, currencies,
// tiers, tables of names, and arrays of tables (rating scales, authorities, approval bands).
// Each writes itself back as TOML that reads as the same value (`--check-config`).

/// A TOML basic string: quotes and backslashes escaped.
func tomlString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// A TOML array of strings, on one line.
func tomlStrings(_ texts: [String]) -> String { "[" + texts.map(tomlString).joined(separator: ", ") + "]" }

/// A TOML inline table of strings, keys sorted.
func tomlStringTable(_ entries: [String: String]) -> String {
    entries.isEmpty
        ? "{}"
        : "{ "
            + entries.sorted { $0.key < $1.key }.map { "\(tomlString($0.key)) = \(tomlString($0.value))" }
            .joined(separator: ", ") + " }"
}

extension ConfigValue where Value == ExactDecimal {
    /// An exact decimal, as a string (`"0.15"`) or an integer, within `range`.
    static func decimal(_ range: ClosedRange<ExactDecimal>) -> ConfigValue {
        ConfigValue(
            description: "decimal string from \(range.lowerBound) to \(range.upperBound)",
            read: { section, name throws(ConfigurationError) in
                guard let value = try section.decimal(name) else { return nil }
                guard range.contains(value) else {
                    throw ConfigurationError(
                        key: section.key(name), message: "must be from \(range.lowerBound) to \(range.upperBound)")
                }
                return value
            },
            render: { tomlString($0.description) })
    }
}

extension ConfigValue where Value == Currency {
    static let currency = ConfigValue(
        description: "ISO 4217 currency code",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            return try ConfigValue.parsed(section.key(name)) { () throws(DomainError) in try Currency.parse(text) }
        },
        render: { tomlString($0.rawValue) })

    /// `make`'s value, its `DomainError` worded as a config error of `key`.
    static func parsed<T>(_ key: String, _ make: () throws(DomainError) -> T) throws(ConfigurationError) -> T {
        do {
            return try make()
        } catch {
            throw ConfigurationError(key: key, message: error.description)
        }
    }
}

extension ConfigValue where Value == [CustomerTier] {
    static let tiers = ConfigValue(
        description: "array of tiers (\(CustomerTier.allowedValues))",
        read: { section, name throws(ConfigurationError) in
            guard let texts = try section.stringArray(name) else { return nil }
            var tiers: [CustomerTier] = []
            for text in texts {
                guard let tier = CustomerTier(rawValue: text) else {
                    throw ConfigurationError(
                        key: section.key(name), message: "\"\(text)\" is not one of \(CustomerTier.allowedValues)")
                }
                if !tiers.contains(tier) { tiers.append(tier) }
            }
            return tiers.sorted {
                CustomerTier.allCases.firstIndex(of: $0)! < CustomerTier.allCases.firstIndex(of: $1)!
            }
        },
        render: { tomlStrings($0.map(\.rawValue)) })
}

extension ConfigValue where Value == [String: String] {
    /// A table of names to names (`corporate = "A"`).
    static func nameTable(_ description: String) -> ConfigValue {
        ConfigValue(
            description: description,
            read: { section, name throws(ConfigurationError) in
                guard let entries = try section.stringTable(name) else { return nil }
                return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            },
            render: { tomlStringTable($0) })
    }
}

extension TOMLSection {
    /// Role names that may call `method`, in the order of the roles.
    func roleNames(_ name: String, callers method: Method) throws(ConfigurationError) -> [String]? {
        guard let names = try self.stringArray(name) else { return nil }
        let allowed = method.roles.map(\.rawValue)
        for role in names where !allowed.contains(role) {
            throw ConfigurationError(
                key: self.key(name),
                message: "\"\(role)\" cannot call \(method.name); roles that can: \(allowed.joined(separator: ", "))")
        }
        return allowed.filter(names.contains)
    }

    /// A `snake_case` name, required.
    func identifier(_ name: String) throws(ConfigurationError) -> String {
        guard let text = try self.string(name) else {
            throw ConfigurationError(key: self.key(name), message: "is required")
        }
        guard !text.isEmpty, text.utf8.count <= 32,
            text.utf8.allSatisfy({
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
            })
        else {
            throw ConfigurationError(key: self.key(name), message: "must be 1 to 32 of a-z, 0-9 and _")
        }
        return text
    }
}
