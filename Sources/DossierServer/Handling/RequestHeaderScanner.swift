import DossierCore
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
        var json: JSONCursor
        var paramsRange: Range<Int>?

        init(bytes: UnsafeRawBufferPointer) {
            self.json = JSONCursor(bytes: bytes)
        }

        mutating func header() -> RequestHeader? {
            self.json.skipWhitespace()
            guard self.json.take(UInt8(ascii: "{")) else { return nil }
            var method: String?
            var id: RequestID?
            var sawID = false
            self.json.skipWhitespace()
            if self.json.take(UInt8(ascii: "}")) { return nil }
            while true {
                self.json.skipWhitespace()
                guard let key = self.json.plainString() else { return nil }
                self.json.skipWhitespace()
                guard self.json.take(UInt8(ascii: ":")) else { return nil }
                self.json.skipWhitespace()
                switch key {
                case "method":
                    guard method == nil, let value = self.json.plainString() else { return nil }
                    method = value
                case "id":
                    guard !sawID else { return nil }
                    sawID = true
                    if self.json.current == UInt8(ascii: "\"") {
                        guard let text = self.json.plainString() else { return nil }
                        id = .string(text)
                    } else if self.json.current == UInt8(ascii: "n") {
                        guard self.json.literal("null") else { return nil }
                    } else {
                        guard let number = self.json.integer() else { return nil }
                        id = .number(number)
                    }
                case "params":
                    let start = self.json.index
                    guard self.paramsRange == nil, self.skipValue() else { return nil }
                    self.paramsRange = start..<self.json.index
                default:
                    guard self.skipValue() else { return nil }
                }
                self.json.skipWhitespace()
                if self.json.take(UInt8(ascii: ",")) { continue }
                guard self.json.take(UInt8(ascii: "}")) else { return nil }
                break
            }
            self.json.skipWhitespace()
            guard self.json.isAtEnd, let method else { return nil }
            return RequestHeader(id: id, method: method)
        }

        mutating func skipValue() -> Bool {
            self.json.skipValue(depth: 1, maximumDepth: RequestHeaderScanner.maximumDepth)
        }
    }
}
