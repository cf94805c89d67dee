import DossierCore

/// One setting of the config file, declared once: its dotted key, the kind of value, how a
/// change applies, its environment variable, and its documentation line. The loader, the
/// report of `--check-config`, the reload's list of changes, `--config-keys` and the test of
/// `config/dossierd.toml` all read this one declaration.
struct ConfigKey: Sendable {
    /// What a changed value does on SIGHUP.
    enum Reload: Sendable {
        /// Used by the next command (the `[policy]` keys).
        case applies
        /// Logged as needing a restart.
        case needsRestart
    }

    /// `section.name`, e.g. `store.durability`.
    let key: String
    /// The kind of value, as the documentation names it.
    let valueDescription: String
    let reload: Reload
    /// The environment variable that overrides the file, if any.
    let environment: String?
    /// What the key sets, in one line.
    let summary: String
    /// Reads the key from its section into a configuration, when the file has it.
    let apply: @Sendable (TOMLSection, inout DossierdConfiguration) throws(ConfigurationError) -> Void
    /// Reads the key from an environment variable's text (keys with `environment`).
    let applyText: (@Sendable (String, inout DossierdConfiguration) throws(ConfigurationError) -> Void)?
    /// The configuration's value, written as TOML.
    let render: @Sendable (DossierdConfiguration) -> String

    /// The table the key sits in (`store`, `policy.complaints.service_levels.L1`).
    var section: String { String(self.key[..<(self.key.lastIndex(of: ".") ?? self.key.startIndex)]) }
    /// The key's own name in its table.
    var name: String { String(self.key[(self.key.lastIndex(of: ".").map(self.key.index(after:)) ?? self.key.startIndex)...]) }

    /// A key stored at `path` of the configuration.
    init<Value>(
        _ key: String, _ value: ConfigValue<Value>, _ path: WritableKeyPath<DossierdConfiguration, Value>,
        reload: Reload = .needsRestart, environment: String? = nil, _ summary: String
    ) {
        // A key path is an immutable value; it is only read here.
        nonisolated(unsafe) let path = path
        self.init(
            key, value, reload: reload, environment: environment, summary,
            get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 })
    }

    /// A key whose value the configuration stores some other way (`get`, `set`).
    init<Value>(
        _ key: String, _ value: ConfigValue<Value>, reload: Reload = .needsRestart, environment: String? = nil,
        _ summary: String, get: @escaping @Sendable (DossierdConfiguration) -> Value,
        set: @escaping @Sendable (inout DossierdConfiguration, Value) throws(ConfigurationError) -> Void
    ) {
        self.key = key
        self.valueDescription = value.description
        self.reload = reload
        self.environment = environment
        self.summary = summary
        let name = String(key[(key.lastIndex(of: ".").map(key.index(after:)) ?? key.startIndex)...])
        self.apply = { section, configuration throws(ConfigurationError) in
            if let read = try value.read(section, name) { try set(&configuration, read) }
        }
        if let parse = value.parse, environment != nil {
            self.applyText = { text, configuration throws(ConfigurationError) in
                try set(&configuration, try parse(text, key))
            }
        } else {
            self.applyText = nil
        }
        self.render = { value.render(get($0)) }
    }
}
