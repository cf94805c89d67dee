/// What an append expects of its stream, checked atomically with the append (KurrentDB's
/// expected revision). Stream versions count from 1: the first event of a stream is version 1,
/// and a stream's version is that of its last event.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible, Codable {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must exist (hold at least one event).
    case streamExists
    /// The stream's last event must have exactly this version.
    case exact(UInt64)

    /// Whether a stream whose last version is `current` (0 = no stream) satisfies this expectation.
    public func isSatisfied(byCurrentVersion current: UInt64) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return current == 0
        case .streamExists: return current > 0
        case .exact(let version): return current == version
        }
    }

    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no_stream"
        case .streamExists: return "stream_exists"
        case .exact(let version): return String(version)
        }
    }

    /// Parses the wire form: `"any"`, `"no_stream"`, `"stream_exists"` or a version number.
    public init?(wire text: String) {
        switch text {
        case "any": self = .any
        case "no_stream": self = .noStream
        case "stream_exists": self = .streamExists
        default:
            guard let version = UInt64(text) else { return nil }
            self = .exact(version)
        }
    }
}

extension ExpectedVersion {
    /// On the wire: a version number, or `"any"`, `"no_stream"`, `"stream_exists"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let version = try? container.decode(UInt64.self) {
            self = .exact(version)
            return
        }
        let text = try container.decode(String.self)
        guard let value = ExpectedVersion(wire: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be a version number, \"any\", \"no_stream\" or \"stream_exists\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .exact(let version) = self {
            try container.encode(version)
        } else {
            try container.encode(self.description)
        }
    }
}
