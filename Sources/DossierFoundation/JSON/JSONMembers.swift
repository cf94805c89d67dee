/// A value that can read itself from the members of a flat JSON object, several times faster
/// than `JSONDecoder` (the request params and event payloads of the hot path).
///
/// It is a fast path only: it returns nil for anything it does not handle (an unknown or a
/// missing key, a wrong type, a value out of range), and the caller decodes the same bytes
/// with `JSONDecoder`, which either agrees or throws its precise error. Tests compare both on
/// random inputs.
public protocol JSONReadable {
    init?(json: JSONMembers)
}

/// A JSON scalar as `JSONMembers` reads it.
public enum JSONScalar: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
}

/// The members of one JSON object whose values are all scalars, read strictly.
///
/// Conservative by design: strings with escapes, numbers with a fraction or an exponent,
/// nested objects or arrays, duplicate keys, invalid UTF-8 or anything malformed make the
/// whole read fail (nil), leaving the bytes to `JSONDecoder`.
public struct JSONMembers: Sendable {
    private var members: [(key: String, value: JSONScalar)] = []

    public init?(_ bytes: UnsafeRawBufferPointer) {
        var cursor = JSONCursor(bytes: bytes)
        guard let members = cursor.flatObject() else { return nil }
        self.members = members
    }

    public var keys: [String] { self.members.map(\.key) }

    public subscript(key: String) -> JSONScalar? {
        self.members.first { $0.key == key }?.value
    }

    /// Whether every key is one of `allowed`.
    public func hasOnly(_ allowed: Set<String>) -> Bool {
        self.members.allSatisfy { allowed.contains($0.key) }
    }

    /// The value of a required member: nil when absent, null, or not a `T`.
    public func required<T: JSONScalarReadable>(_ key: String) -> T? {
        self[key].flatMap(T.init(jsonScalar:))
    }

    /// The value of an optional member: `.some(nil)` when absent or null, `.some(value)` when a
    /// `T`, nil (cannot read) otherwise.
    public func optional<T: JSONScalarReadable>(_ key: String) -> T?? {
        guard let scalar = self[key], scalar != .null else { return .some(nil) }
        guard let value = T(jsonScalar: scalar) else { return nil }
        return .some(value)
    }
}

/// A type that one JSON scalar can hold, as its `Decodable` conformance reads it.
public protocol JSONScalarReadable {
    init?(jsonScalar: JSONScalar)
}

/// A type that a JSON string holds (an id, a date, an enum's raw value).
public protocol JSONStringReadable: JSONScalarReadable {
    init?(jsonString: String)
}

extension JSONStringReadable {
    public init?(jsonScalar: JSONScalar) {
        guard case .string(let text) = jsonScalar else { return nil }
        self.init(jsonString: text)
    }
}

extension String: JSONStringReadable {
    public init?(jsonString: String) { self = jsonString }
}

extension Int: JSONScalarReadable {
    public init?(jsonScalar: JSONScalar) {
        guard case .integer(let value) = jsonScalar else { return nil }
        self.init(exactly: value)
    }
}

extension UInt64: JSONScalarReadable {
    public init?(jsonScalar: JSONScalar) {
        guard case .integer(let value) = jsonScalar else { return nil }
        self.init(exactly: value)
    }
}

extension Bool: JSONScalarReadable {
    public init?(jsonScalar: JSONScalar) {
        guard case .bool(let value) = jsonScalar else { return nil }
        self = value
    }
}

extension ClosedSet {
    public init?(jsonString: String) { self.init(rawValue: jsonString) }
}

extension JSONCursor {
    /// One flat object and nothing after it; nil for anything else.
    fileprivate mutating func flatObject() -> [(key: String, value: JSONScalar)]? {
        var members: [(key: String, value: JSONScalar)] = []
        members.reserveCapacity(8)
        self.skipWhitespace()
        guard self.take(UInt8(ascii: "{")) else { return nil }
        self.skipWhitespace()
        if !self.take(UInt8(ascii: "}")) {
            while true {
                self.skipWhitespace()
                guard let key = self.plainString() else { return nil }
                if members.contains(where: { $0.key == key }) { return nil }
                self.skipWhitespace()
                guard self.take(UInt8(ascii: ":")) else { return nil }
                self.skipWhitespace()
                guard let value = self.scalar() else { return nil }
                members.append((key, value))
                self.skipWhitespace()
                if self.take(UInt8(ascii: ",")) { continue }
                guard self.take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        self.skipWhitespace()
        return self.isAtEnd ? members : nil
    }

    private mutating func scalar() -> JSONScalar? {
        switch self.current {
        case UInt8(ascii: "\""): return self.plainString().map(JSONScalar.string)
        case UInt8(ascii: "t"): return self.literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return self.literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return self.literal("null") ? .null : nil
        default: return self.integer().map(JSONScalar.integer)
        }
    }
}
