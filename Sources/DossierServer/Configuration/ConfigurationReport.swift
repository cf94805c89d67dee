/// The effective configuration as TOML, for `dossierd --check-config`, and the list of keys,
/// for `dossierd --config-keys`: both from `ConfigKeys.all`.
public enum ConfigurationReport {
    /// Every key with its effective value, table by table; with `sources`, each line ends in a
    /// comment naming where the value came from (a default, the file, a variable or a flag).
    public static func render(_ configuration: DossierdConfiguration, sources: ConfigurationSources? = nil) -> String {
        var lines: [(text: String, key: String?)] = []
        var section: String?
        for key in ConfigKeys.all {
            if key.section != section {
                if section != nil { lines.append(("", nil)) }
                section = key.section
                lines.append(("[\(key.section)]", nil))
            }
            lines.append(("\(key.name) = \(key.render(configuration))", key.key))
        }
        // Complaint deadlines record the calendar's version, not its settings: this line maps one to the other.
        lines += [("", nil), ("# policy.calendar version \(configuration.policy.calendar.version)", nil)]
        guard let sources else { return lines.map(\.text).joined(separator: "\n") }
        let width = lines.filter { $0.key != nil }.map(\.text.count).max() ?? 0
        return lines.map { line in
            guard let key = line.key else { return line.text }
            return line.text + String(repeating: " ", count: width - line.text.count + 2) + "# " + sources.source(of: key)
        }.joined(separator: "\n")
    }

    /// Every key: name, kind of value, default, how a change applies, environment variable,
    /// and what it sets.
    public static func keys(defaults: DossierdConfiguration) -> String {
        ConfigKeys.all.map { key in
            var facts = [key.valueDescription, "default \(key.render(defaults))"]
            facts.append(key.reload == .applies ? "applies on reload" : "needs a restart")
            if let variable = key.environment { facts.append("env \(variable)") }
            return "\(key.key)  (\(facts.joined(separator: "; ")))\n    \(key.summary)"
        }.joined(separator: "\n")
    }
}
