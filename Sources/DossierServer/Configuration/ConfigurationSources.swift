/// Where each effective config value came from: the file, an environment variable or a flag;
/// every key not named here has its default.
public struct ConfigurationSources: Sendable, Hashable {
    private var byKey: [String: String] = [:]

    public init() {}

    /// The source of a dotted key such as `server.socket_path`; for a table-valued key such as
    /// `policy.complaints.service_levels.L1`, the source of its entries.
    public func source(of key: String) -> String {
        if let source = self.byKey[key] { return source }
        let prefix = key + "."
        return self.byKey.first { $0.key.hasPrefix(prefix) }?.value ?? "default"
    }

    subscript(key: String) -> String? {
        get { self.byKey[key] }
        set { self.byKey[key] = newValue }
    }
}
