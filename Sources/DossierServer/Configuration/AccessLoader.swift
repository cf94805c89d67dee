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

    static func apply(
        _ section: TOMLSection, to access: inout AccessConfiguration, accounts: Accounts = .system
    ) throws(ConfigurationError) {
        if let entries = try section.stringTable("users") {
            var users: [UInt32: Role] = [:]
            for (name, value) in entries {
                let key = "\(section.path).users.\(Self.quoted(name))"
                guard let uid = Self.number(name) ?? accounts.uid(name) else {
                    throw ConfigurationError(key: key, message: "there is no user \(name) on this host; give a user name or a uid")
                }
                // Two keys for one uid (a name and its number): the higher role, as for any overlap.
                users[uid] = max(try Self.role(value, key: key), users[uid] ?? .viewer)
            }
            access.users = users
        }
        if let entries = try section.stringTable("groups") {
            var groups: [UInt32: Role] = [:]
            for (name, value) in entries {
                let key = "\(section.path).groups.\(Self.quoted(name))"
                guard let gid = Self.number(name) ?? accounts.gid(name) else {
                    throw ConfigurationError(key: key, message: "there is no group \(name) on this host; give a group name or a gid")
                }
                groups[gid] = max(try Self.role(value, key: key), groups[gid] ?? .viewer)
            }
            access.groups = groups
        }
        if let value = try section.string("unknown") {
            access.unknown = value == "none" ? nil : try Self.role(value, key: "\(section.path).unknown", allowingNone: true)
        }
        if let value = try section.bool("root_is_admin") { access.rootIsAdmin = value }
        if let value = try section.bool("daemon_user_is_admin") { access.daemonUserIsAdmin = value }
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
        var access = AccessConfiguration()
        try Self.apply(try root.section("access"), to: &access, accounts: accounts)
        try root.rejectUnknownKeys()
        return access
    }

    /// A uid or gid written as digits.
    private static func number(_ text: String) -> UInt32? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return UInt32(text)
    }

    private static func role(_ text: String, key: String, allowingNone: Bool = false) throws(ConfigurationError) -> Role {
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
