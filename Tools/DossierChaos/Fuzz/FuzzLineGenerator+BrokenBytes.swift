import DossierCore
import DossierProtocol
import Foundation

// The lines that break the protocol below the level of fields: random and invalid bytes,
// deep nesting, huge numbers, odd JSON, blank, long and mutated lines.
extension FuzzLineGenerator {
    mutating func randomBytes() -> FuzzLine {
        let length = Int.random(in: 1...400, using: &self.rng)
        var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &self.rng) }
        if self.rng.chance(0.3) { bytes.insert(UInt8(ascii: "{"), at: 0) }
        return self.unpredictable(Self.withoutNewlines(bytes), kind: .randomBytes, expectation: .error)
    }

    /// Invalid UTF-8 inside the strings of an otherwise valid request.
    mutating func invalidUTF8() -> FuzzLine {
        let sequences: [[UInt8]] = [
            [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xBF, 0xBF],
        ]
        var line = self.recentValid.randomElement(using: &self.rng) ?? Self.line(id: .number(1), method: "system.hello", params: nil)
        let quotes = line.indices.filter { line[$0] == UInt8(ascii: "\"") }
        let at = quotes.isEmpty ? 0 : quotes.randomElement(using: &self.rng)! + 1
        line.insert(contentsOf: sequences.randomElement(using: &self.rng)!, at: at)
        return self.unpredictable(line, kind: .invalidUTF8, expectation: .error)
    }

    mutating func deepNesting() -> FuzzLine {
        let depth = [10, 100, 600, 5000, 100_000].randomElement(using: &self.rng)!
        let bytes: [UInt8]
        switch Int.random(in: 0..<5, using: &self.rng) {
        case 0: bytes = Array(repeating: UInt8(ascii: "["), count: depth)
        case 1: bytes = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 2: bytes = Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("1".utf8) + Array(repeating: UInt8(ascii: "}"), count: depth)
        case 3:
            bytes = Array(#"{"id":1,"method":"customer.show","params":{"id":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
                + Array(repeating: UInt8(ascii: "]"), count: depth) + Array("}}".utf8)
        default:
            bytes = Array(#"{"id":"#.utf8) + Array(repeating: UInt8(ascii: "{"), count: depth) + Array(#","method":"system.hello"}"#.utf8)
        }
        return self.unpredictable(bytes, kind: .deepNesting, expectation: .error)
    }

    mutating func hugeNumber() -> FuzzLine {
        let huge = [
            "1e999", "-1e999", "99999999999999999999999", "18446744073709551616", "-9223372036854775809",
            "1e308", "4.9e-324", "1e-999", "123456789012345678901234567890e-10", "0.5", "-1", "NaN", "Infinity", "-0",
            String(repeating: "9", count: Int.random(in: 30...5000, using: &self.rng)),
        ].randomElement(using: &self.rng)!
        let templates = [
            #"{"id":\#(huge),"method":"system.hello"}"#,
            #"{"id":1,"method":"customer.list","params":{"limit":\#(huge)}}"#,
            #"{"id":1,"method":"log.read","params":{"from":\#(huge),"limit":5}}"#,
            #"{"id":1,"method":"customer.flag","params":{"customer":"x","kind":"default","source":"b","expectedVersion":\#(huge)}}"#,
            #"{"id":1,"method":"complaint.list","params":{"limit":\#(huge)}}"#,
        ]
        // Some of these are in range (0.5 is no integer, but -0 and 1e308 parse somewhere): either answer, never a crash.
        return self.unpredictable(Array(templates.randomElement(using: &self.rng)!.utf8), kind: .hugeNumber, expectation: .either)
    }

    mutating func notAnObject() -> FuzzLine {
        let texts = [
            "[]", #""text""#, "null", "42", "true", "false", #"[{"id":1,"method":"system.hello"}]"#, "{}", #"{"id":1}"#,
            #"{"method":null}"#, #"{"method":7}"#, #"{"method":["system.hello"]}"#, #"{"id":{},"method":"system.hello"}"#,
            #"{"id":[1],"method":"system.hello"}"#, #"{"id":true,"method":"system.hello"}"#, #"{"id":6.5,"method":"system.hello"}"#,
        ]
        return self.unpredictable(Array(texts.randomElement(using: &self.rng)!.utf8), kind: .notAnObject, expectation: .error)
    }

    /// JSON the spec allows or almost allows: duplicate keys, whitespace, a BOM, escapes, control
    /// characters, trailing data. Some are valid requests; none may hurt.
    mutating func oddJSON() -> FuzzLine {
        let valid = self.recentValid.randomElement(using: &self.rng) ?? Array(#"{"id":1,"method":"system.hello"}"#.utf8)
        let variants: [[UInt8]] = [
            Array(#"{"id":1,"method":"system.hello","method":"log.head"}"#.utf8),
            Array(#"{"id":1,"id":"two","method":"system.hello"}"#.utf8),
            Array("  \t".utf8) + valid + Array(" \t ".utf8),
            [0xEF, 0xBB, 0xBF] + valid,
            valid + Array(" x".utf8),
            valid + valid,
            valid + Array(",".utf8),
            Array(#"{"id":1,"method":"sys\u0074em.hello"}"#.utf8),
            Array(#"{"id":1,"method":"system.hello\u0000"}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\ud800"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\uZZZZ"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\x41"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"a"#.utf8) + [0x00, 0x09, 0x1F] + Array(#""}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"unterminated}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\"}}"#.utf8),
            Array(#"{'id':1,'method':'system.hello'}"#.utf8),
            Array(#"{id:1,method:"system.hello"}"#.utf8),
            Array(#"{"id":1,"method":"system.hello",}"#.utf8),
            Array(#"{"id":1,"method":"system.hello"} // comment"#.utf8),
            Array(#"{"id":1,"method":"customer.register","params":{"id":"c","name":""#.utf8)
                + Array(repeating: UInt8(ascii: "n"), count: Int.random(in: 201...200_000, using: &self.rng))
                + Array(#"","kind":"corporate"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":""#.utf8)
                + Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 65...500_000, using: &self.rng)) + Array(#""}}"#.utf8),
            Array(#"{"id":1,"method":"log.read","params":{"stream":"customer-\u00e9\u4e2d","limit":1000}}"#.utf8),
            Array(#"{"id":1,"method":"log.read","params":{"stream":"","from":0}}"#.utf8),
            Array(#"{"id":"#.utf8) + Array(repeating: UInt8(ascii: "7"), count: 20) + Array(#","method":"system.hello"}"#.utf8),
            Array(#"{"id":"\#(String(repeating: "i", count: Int.random(in: 1...100_000, using: &self.rng)))","method":"system.hello"}"#.utf8),
        ]
        return self.unpredictable(variants.randomElement(using: &self.rng)!, kind: .oddJSON, expectation: .either)
    }

    /// Empty lines and lines of spaces and tabs: the daemon skips them without a reply.
    mutating func blank() -> FuzzLine {
        let texts: [[UInt8]] = [[], [0x20], [0x09], [0x20, 0x09, 0x20], [0x0D], Array(repeating: 0x20, count: 1000)]
        return FuzzLine(bytes: texts.randomElement(using: &self.rng)!, kind: .blank, expectation: .none, echoedID: nil)
    }

    /// A request of exactly the maximum length: read and parsed (and refused, its subject being
    /// far too long), not treated as over-long.
    mutating func atTheLimit() -> FuzzLine {
        let customer = self.customers.randomElement(using: &self.rng) ?? "nobody"
        let head = Array(#"{"id":1,"method":"complaint.file","params":{"customer":"\#(customer)","type":"fees","channel":"app","level":"L4","subject":""#.utf8)
        let tail = Array(#""}}"#.utf8)
        let padding = Array(repeating: UInt8(ascii: "s"), count: Self.maximumLineLength - head.count - tail.count)
        return FuzzLine(bytes: head + padding + tail, kind: .atTheLimit, expectation: .error, echoedID: .number(1))
    }

    /// A line longer than the maximum: `dossier.LineTooLong`, and the connection lives on.
    mutating func oversized() -> FuzzLine {
        let length = Self.maximumLineLength + [1, 2, 1000, 1 << 20, 2 << 20].randomElement(using: &self.rng)!
        var bytes: [UInt8]
        if self.rng.chance(0.5) {
            bytes = Array(#"{"id":1,"method":"system.hello","params":{"pad":""#.utf8)
            bytes += Array(repeating: UInt8(ascii: "p"), count: length - bytes.count - 3)
            bytes += Array(#""}}"#.utf8)
        } else {
            bytes = Array(repeating: [0x20, 0x7B, 0x5B, 0x61].randomElement(using: &self.rng)!, count: length)
        }
        return FuzzLine(bytes: bytes, kind: .oversized, expectation: .lineTooLong, echoedID: FuzzLine.EchoedID.none)
    }

    /// A recent valid line with a few bytes flipped, inserted, deleted or duplicated.
    mutating func mutated() -> FuzzLine {
        guard var bytes = self.recentValid.randomElement(using: &self.rng) else { return self.randomBytes() }
        let structural = Array(#"{}[]":,\ 0-e.tnu"#.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &self.rng) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &self.rng)
            switch Int.random(in: 0..<7, using: &self.rng) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &self.rng)
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &self.rng)
            case 2: bytes.insert(structural.randomElement(using: &self.rng)!, at: at)
            case 3: bytes.remove(at: at)
            case 4: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...20, using: &self.rng)))
            case 5: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...30, using: &self.rng))], at: at)
            default: bytes[at] = structural.randomElement(using: &self.rng)!
            }
        }
        return self.unpredictable(Self.withoutNewlines(bytes), kind: .mutated, expectation: .either)
    }
}
