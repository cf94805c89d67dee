import DossierProtocol
import TOMLKit
#if canImport(Glibc)
import Glibc
#endif

/// Reads the `[access]` table: roles for users and groups, by name or number.
enum AccessLoader {
    /// Looks up accounts by name; the system's password and group databases by default.
    struct Accounts: Sendable {
        var uid: @Sendable (String) -> UInt32?
        var gid: @Sendable (String) -> UInt32?

        static let system = Accounts(
            uid: { SystemAccounts.uid(ofUser: $0) },
            gid: { name in
                var entry = group()
                var result: UnsafeMutablePointer<group>?
                var buffer = [CChar](repeating: 0, count: 65_536)
                guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
                return entry.gr_gid
            })
    }

    /// A `users` or `groups` table: names or numbers -> roles, names resolved with `lookup`.
    /// Two keys for one id (a name and its number) get the higher role, as any overlap does.
    static func roles(
        _ entries: [(key: String, value: String)], table: String, kind: String,
        lookup: @Sendable (String) -> UInt32?
    ) throws(ConfigurationError) -> [UInt32: Role] {
        var roles: [UInt32: Role] = [:]
        for (name, value) in entries {
            let key = "\(table).\(Self.quoted(name))"
            guard let id = Self.number(name) ?? lookup(name) else {
                throw ConfigurationError(
                    key: key, message: "there is no \(kind) \(name) on this host; give a \(kind) name or a\(kind == "user" ? " uid" : " gid")")
            }
            roles[id] = max(try Self.role(value, key: key), roles[id] ?? .viewer)
        }
        return roles
    }

    /// The `[access]` table of a TOML document on its own, with `accounts` to resolve names
    /// (for tests and tools; the daemon reads it with the rest of the file).
    static func load(toml text: String, accounts: Accounts) throws(ConfigurationError) -> AccessConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw ConfigurationError(key: "", message: "config is not valid TOML: \(error)")
        }
        let root = TOMLSection(table: table, path: "")
        var configuration = ConfigurationLoader.defaults(environment: [:])
        configuration.server.access = AccessConfiguration()
        let section = try root.section("access")
        for key in ConfigKeys.access(accounts: accounts) { try key.apply(section, &configuration) }
        try root.rejectUnknownKeys()
        return configuration.server.access
    }

    /// A uid or gid written as digits.
    private static func number(_ text: String) -> UInt32? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return UInt32(text)
    }

    static func role(_ text: String, key: String, allowingNone: Bool = false) throws(ConfigurationError) -> Role {
        guard let role = Role(rawValue: text) else {
            let names = (allowingNone ? ["none"] : []) + Role.allCases.map(\.rawValue)
            throw ConfigurationError(key: key, message: "must be one of \(names.joined(separator: ", ")); got \"\(text)\"")
        }
        return role
    }

    /// A table key as TOML would need it written: bare when it can be.
    private static func quoted(_ key: String) -> String {
        let bare = !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        return bare ? key : "\"\(key)\""
    }
}
