import DossierProtocol

/// Finds `method` and `id` in a request line without building the whole JSON document.
///
/// Every request used to be parsed twice by Foundation's decoder: once for its header, once
/// for its params. This scanner replaces the first parse for ordinary lines. It is strict and
/// conservative: anything unusual (escapes in a key or in the method, a non-integer id,
/// duplicate keys, deep nesting, anything malformed) gives `nil`, and the caller falls back
/// to the full decoder, which produces the precise error.
enum RequestHeaderScanner {
    static let maximumDepth = 64

    static func scan(_ bytes: UnsafeRawBufferPointer) -> RequestHeader? {
        Self.scanWithParams(bytes)?.header
    }

    /// The header, and where the `params` value lies in `bytes` (nil when there is none), so
    /// the params can be read without parsing the line again.
    static func scanWithParams(_ bytes: UnsafeRawBufferPointer) -> (header: RequestHeader, params: Range<Int>?)? {
        var cursor = Cursor(bytes: bytes)
        guard let header = cursor.header() else { return nil }
        return (header, cursor.paramsRange)
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0
        var paramsRange: Range<Int>?

        var current: UInt8? { self.index < self.bytes.count ? self.bytes[self.index] : nil }

        mutating func skipWhitespace() {
            while let byte = self.current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                self.index += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard self.current == byte else { return false }
            self.index += 1
            return true
        }

        mutating func header() -> RequestHeader? {
            self.skipWhitespace()
            guard self.take(UInt8(ascii: "{")) else { return nil }
            var method: String?
            var id: RequestID?
            var sawID = false
            self.skipWhitespace()
            if self.take(UInt8(ascii: "}")) { return nil }
            while true {
                self.skipWhitespace()
                guard let key = self.simpleString() else { return nil }
                self.skipWhitespace()
                guard self.take(UInt8(ascii: ":")) else { return nil }
                self.skipWhitespace()
                switch key {
                case "method":
                    guard method == nil, let value = self.simpleString() else { return nil }
                    method = value
                case "id":
                    guard !sawID else { return nil }
                    sawID = true
                    if self.current == UInt8(ascii: "\"") {
                        guard let text = self.simpleString() else { return nil }
                        id = .string(text)
                    } else if self.current == UInt8(ascii: "n") {
                        guard self.literal("null") else { return nil }
                    } else {
                        guard let number = self.integer() else { return nil }
                        id = .number(number)
                    }
                case "params":
                    let start = self.index
                    guard self.paramsRange == nil, self.skipValue(depth: 1) else { return nil }
                    self.paramsRange = start..<self.index
                default:
                    guard self.skipValue(depth: 1) else { return nil }
                }
                self.skipWhitespace()
                if self.take(UInt8(ascii: ",")) { continue }
                guard self.take(UInt8(ascii: "}")) else { return nil }
                break
            }
            self.skipWhitespace()
            guard self.index == self.bytes.count, let method else { return nil }
            return RequestHeader(id: id, method: method)
        }

        /// A string without escapes or control characters (else nil, to fall back).
        mutating func simpleString() -> String? {
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

        mutating func integer() -> Int64? {
            let start = self.index
            _ = self.take(UInt8(ascii: "-"))
            while let byte = self.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { self.index += 1 }
            guard self.index > start else { return nil }
            // A fraction or exponent: leave it to the decoder.
            if let byte = self.current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return nil
            }
            return Int64(String(decoding: UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self))
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard self.index + count <= self.bytes.count else { return false }
            for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] { return false }
            self.index += count
            return true
        }

        /// Skips one JSON value, checking its structure; strings may hold escapes here.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= RequestHeaderScanner.maximumDepth, let byte = self.current else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                self.index += 1
                while let byte = self.current, byte != UInt8(ascii: "\"") {
                    guard byte >= 0x20 else { return false }
                    self.index += byte == UInt8(ascii: "\\") ? 2 : 1
                }
                return self.take(UInt8(ascii: "\""))
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                self.index += 1
                self.skipWhitespace()
                if self.take(close) { return true }
                while true {
                    self.skipWhitespace()
                    if isObject {
                        guard self.current == UInt8(ascii: "\""), self.skipValue(depth: depth + 1) else { return false }
                        self.skipWhitespace()
                        guard self.take(UInt8(ascii: ":")) else { return false }
                        self.skipWhitespace()
                    }
                    guard self.skipValue(depth: depth + 1) else { return false }
                    self.skipWhitespace()
                    if self.take(UInt8(ascii: ",")) { continue }
                    return self.take(close)
                }
            case UInt8(ascii: "t"): return self.literal("true")
            case UInt8(ascii: "f"): return self.literal("false")
            case UInt8(ascii: "n"): return self.literal("null")
            default:
                let start = self.index
                while let byte = self.current,
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                        || byte == UInt8(ascii: "E")
                {
                    self.index += 1
                }
                return self.index > start
            }
        }
    }
}
