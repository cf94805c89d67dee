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

extension String: JSONScalarReadable {
    public init?(jsonScalar: JSONScalar) {
        guard case .string(let text) = jsonScalar else { return nil }
        self = text
    }
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
    public init?(jsonScalar: JSONScalar) {
        guard case .string(let text) = jsonScalar else { return nil }
        self.init(rawValue: text)
    }
}

/// Reads the bytes of one flat object.
private struct JSONCursor {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var current: UInt8? { self.index < self.bytes.count ? self.bytes[self.index] : nil }

    mutating func skipWhitespace() {
        while let byte = self.current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { self.index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard self.current == byte else { return false }
        self.index += 1
        return true
    }

    mutating func flatObject() -> [(key: String, value: JSONScalar)]? {
        var members: [(key: String, value: JSONScalar)] = []
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
        return self.index == self.bytes.count ? members : nil
    }

    mutating func scalar() -> JSONScalar? {
        switch self.current {
        case UInt8(ascii: "\""): return self.plainString().map(JSONScalar.string)
        case UInt8(ascii: "t"): return self.literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return self.literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return self.literal("null") ? .null : nil
        default: return self.integer().map(JSONScalar.integer)
        }
    }

    /// A string without escapes or control characters, valid UTF-8.
    mutating func plainString() -> String? {
        guard self.take(UInt8(ascii: "\"")) else { return nil }
        let start = self.index
        while let byte = self.current, byte != UInt8(ascii: "\"") {
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            self.index += 1
        }
        guard self.current != nil else { return nil }
        let text = String(validating: UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
        self.index += 1
        return text
    }

    /// `-?(0|[1-9][0-9]*)` that fits an Int64; a fraction or exponent is left to the decoder.
    mutating func integer() -> Int64? {
        let negative = self.take(UInt8(ascii: "-"))
        let digitsStart = self.index
        var magnitude: UInt64 = 0
        while let byte = self.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            self.index += 1
        }
        let digits = self.index - digitsStart
        guard digits > 0, !(digits > 1 && self.bytes[digitsStart] == UInt8(ascii: "0")) else { return nil }
        if let byte = self.current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            return nil
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return Int64(exactly: magnitude)
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { return false }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] { return false }
        self.index += count
        return true
    }
}
