/// A position in JSON bytes, with the strict primitives the fast readers share (the request
/// header scanner and `JSONMembers`).
///
/// Every primitive either reads exactly what a JSON parser would accept or fails (nil or
/// false), leaving the caller to fall back to `JSONDecoder`. Strings with escapes fail on
/// purpose: reading them is the decoder's job.
public struct JSONCursor {
    public let bytes: UnsafeRawBufferPointer
    public var index = 0

    public init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    public var current: UInt8? { self.index < self.bytes.count ? self.bytes[self.index] : nil }
    public var isAtEnd: Bool { self.index == self.bytes.count }

    public mutating func skipWhitespace() {
        while let byte = self.current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { self.index += 1 }
    }

    public mutating func take(_ byte: UInt8) -> Bool {
        guard self.current == byte else { return false }
        self.index += 1
        return true
    }

    /// A string without escapes or control characters, valid UTF-8.
    public mutating func plainString() -> String? {
        guard self.take(UInt8(ascii: "\"")) else { return nil }
        let start = self.index
        var isASCII = true
        while let byte = self.current, byte != UInt8(ascii: "\"") {
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            isASCII = isASCII && byte < 0x80
            self.index += 1
        }
        guard self.current != nil else { return nil }
        let utf8 = UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index])
        // ASCII needs no validation (and `String(decoding:)` has the fast path for it); anything
        // else must be valid UTF-8, never repaired.
        let text = isASCII ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
        self.index += 1
        return text
    }

    /// `-?(0|[1-9][0-9]*)` that fits an Int64; a fraction or an exponent is left to the decoder.
    public mutating func integer() -> Int64? {
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

    public mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { return false }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] { return false }
        self.index += count
        return true
    }

    /// Skips one JSON value, checking it strictly against the JSON grammar (RFC 8259):
    /// string escapes and UTF-8, number syntax, literals, nesting at most `maximumDepth` deep.
    public mutating func skipValue(depth: Int, maximumDepth: Int) -> Bool {
        guard depth <= maximumDepth, let byte = self.current else { return false }
        switch byte {
        case UInt8(ascii: "\""):
            return self.skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = byte == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            self.index += 1
            self.skipWhitespace()
            if self.take(close) { return true }
            while true {
                self.skipWhitespace()
                if isObject {
                    guard self.current == UInt8(ascii: "\""), self.skipString() else { return false }
                    self.skipWhitespace()
                    guard self.take(UInt8(ascii: ":")) else { return false }
                    self.skipWhitespace()
                }
                guard self.skipValue(depth: depth + 1, maximumDepth: maximumDepth) else { return false }
                self.skipWhitespace()
                if self.take(UInt8(ascii: ",")) { continue }
                return self.take(close)
            }
        case UInt8(ascii: "t"): return self.literal("true")
        case UInt8(ascii: "f"): return self.literal("false")
        case UInt8(ascii: "n"): return self.literal("null")
        default: return self.skipNumber()
        }
    }

    /// Where the first byte that breaks JSON is in `bytes` (one value, whitespace around it),
    /// or nil when `bytes` is a valid JSON document.
    public static func firstInvalidByte(in bytes: UnsafeRawBufferPointer, maximumDepth: Int = 512) -> Int? {
        var cursor = JSONCursor(bytes: bytes)
        cursor.skipWhitespace()
        guard cursor.skipValue(depth: 1, maximumDepth: maximumDepth) else { return min(cursor.index, bytes.count) }
        cursor.skipWhitespace()
        return cursor.isAtEnd ? nil : cursor.index
    }

    /// A string with valid escapes (`\u` with four hex digits), no control characters, and
    /// valid UTF-8.
    private mutating func skipString() -> Bool {
        guard self.take(UInt8(ascii: "\"")) else { return false }
        let start = self.index
        var isASCII = true
        while let byte = self.current, byte != UInt8(ascii: "\"") {
            guard byte >= 0x20 else { return false }
            isASCII = isASCII && byte < 0x80
            self.index += 1
            guard byte == UInt8(ascii: "\\") else { continue }
            guard let escaped = self.current else { return false }
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                self.index += 1
            case UInt8(ascii: "u"):
                self.index += 1
                for _ in 0..<4 {
                    guard let hex = self.current, hex.isHexDigit else { return false }
                    self.index += 1
                }
            default:
                return false
            }
        }
        guard self.current != nil else { return false }
        let content = UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index])
        guard isASCII || String(validating: content, as: UTF8.self) != nil else { return false }
        self.index += 1
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() -> Bool {
        _ = self.take(UInt8(ascii: "-"))
        if self.take(UInt8(ascii: "0")) {
            if let byte = self.current, byte.isDigit { return false }  // no leading zeros
        } else {
            guard self.skipDigits() else { return false }
        }
        if self.take(UInt8(ascii: ".")) {
            guard self.skipDigits() else { return false }
        }
        if self.take(UInt8(ascii: "e")) || self.take(UInt8(ascii: "E")) {
            if !self.take(UInt8(ascii: "+")) { _ = self.take(UInt8(ascii: "-")) }
            guard self.skipDigits() else { return false }
        }
        return true
    }

    /// One or more digits.
    private mutating func skipDigits() -> Bool {
        let start = self.index
        while let byte = self.current, byte.isDigit { self.index += 1 }
        return self.index > start
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    fileprivate var isHexDigit: Bool {
        self.isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
