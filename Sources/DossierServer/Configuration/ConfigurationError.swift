/// A config value that cannot be used, naming the key and what it may be.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted key, e.g. `server.max_line_bytes`.
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { self.key.isEmpty ? self.message : "\(self.key): \(self.message)" }
}
