/// Every setting of the config file, in the order `--check-config` prints them: one line per
/// table of keys.
enum ConfigKeys {
    static let all: [ConfigKey] =
        Self.server + Self.store + Self.imports + Self.access(accounts: .system) + Self.log + Self.audit + Self.complaintPolicy
            + Self.calendarPolicy + Self.confidentiality + Self.ratingPolicy + Self.limitPolicy + Self.groupPolicy

    /// The keys by their dotted name.
    static let byKey: [String: ConfigKey] = Dictionary(uniqueKeysWithValues: Self.all.map { ($0.key, $0) })
}
