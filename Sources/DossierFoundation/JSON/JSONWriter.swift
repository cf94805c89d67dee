/// A value that writes its own JSON, byte for byte what `DossierJSON.encoder()` makes of it.
///
/// Foundation's `JSONEncoder` goes through the generic `Encoder` machinery and costs most of a
/// request's CPU on the hot path (a reply, an event payload). The few types on that path adopt
/// this protocol; `DossierJSON.encode` uses it when present. The adopter writes its members in
/// sorted key order (byte order, as `.sortedKeys` does) and omits nil optionals as the
/// synthesized `Encodable` does. Tests compare every adopter with `JSONEncoder`'s bytes.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

/// Appends JSON to a byte array, formatted as `DossierJSON.encoder()` formats it: no spaces,
/// slashes unescaped, the control characters escaped the way Foundation escapes them.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    /// One bit per open object or array: set once it has a member, so the next needs a comma.
    private var hasMembers: UInt64 = 0
    private var depth = 0

    public init(capacity: Int = 256) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    // MARK: - Containers

    public mutating func beginObject() { self.open(UInt8(ascii: "{")) }
    public mutating func endObject() { self.close(UInt8(ascii: "}")) }
    public mutating func beginArray() { self.open(UInt8(ascii: "[")) }
    public mutating func endArray() { self.close(UInt8(ascii: "]")) }

    /// Starts a member of the current object: its key (a plain ASCII name) and the colon.
    public mutating func key(_ name: StaticString) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of the current array.
    public mutating func element() { self.separate() }

    private mutating func open(_ bracket: UInt8) {
        precondition(self.depth < 64, "JSONWriter nests at most 64 levels")
        self.bytes.append(bracket)
        self.depth += 1
        self.hasMembers &= ~(1 << UInt64(self.depth))
    }

    private mutating func close(_ bracket: UInt8) {
        self.bytes.append(bracket)
        self.depth -= 1
    }

    private mutating func separate() {
        let bit: UInt64 = 1 << UInt64(self.depth)
        if self.hasMembers & bit != 0 { self.bytes.append(UInt8(ascii: ",")) }
        self.hasMembers |= bit
    }

    // MARK: - Values

    public mutating func null() { self.bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func bool(_ value: Bool) {
        if value {
            self.bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            self.bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    public mutating func integer(_ value: some BinaryInteger) {
        if value < 0 {
            self.bytes.append(UInt8(ascii: "-"))
            self.unsigned(UInt64(value.magnitude))
        } else {
            self.unsigned(UInt64(value))
        }
    }

    private mutating func unsigned(_ value: UInt64) {
        // At most 20 digits, written backwards into a fixed buffer, then copied once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var index = 20
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
        }
    }

    /// A JSON string, escaped as Foundation escapes: `"` and `\`, the short forms `\b \t \n \f
    /// \r`, other control characters as `\u00xx`; everything else (slashes, non-ASCII) as is.
    public mutating func string(_ value: String) {
        self.bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                self.escape(byte)
                start = index + 1
            }
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        self.bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        self.bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): self.bytes.append(byte)
        case 0x08: self.bytes.append(UInt8(ascii: "b"))
        case 0x09: self.bytes.append(UInt8(ascii: "t"))
        case 0x0A: self.bytes.append(UInt8(ascii: "n"))
        case 0x0C: self.bytes.append(UInt8(ascii: "f"))
        case 0x0D: self.bytes.append(UInt8(ascii: "r"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            self.bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }

    public mutating func value(_ value: some JSONWritable) { value.write(to: &self) }

    // MARK: - Members

    public mutating func member(_ key: StaticString, _ value: some JSONWritable) {
        self.key(key)
        value.write(to: &self)
    }

    /// A member that is left out when nil, as the synthesized `Encodable` does.
    public mutating func member(_ key: StaticString, ifPresent value: (some JSONWritable)?) {
        guard let value else { return }
        self.member(key, value)
    }
}

extension String: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self) }
}

extension Bool: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Int: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.integer(self) }
}

extension Int64: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.integer(self) }
}

extension UInt64: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.integer(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self {
            writer.element()
            element.write(to: &writer)
        }
        writer.endArray()
    }
}
