import DossierFoundation
import Foundation
import Testing

/// The strict validator behind the request line check: it must accept exactly JSON.
@Suite("JSONCursor validates JSON strictly")
struct JSONCursorTests {
    static func firstInvalidByte(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { JSONCursor.firstInvalidByte(in: $0) }
    }

    @Test(arguments: [
        "{}", "[]", "0", "-0", "1.5", "-12.25e+3", "1E-2", #""a\"\\\/\b\f\n\r\t\u00E9""#, "true", "false", "null",
        #" { "a" : [ 1 , { "b" : null } ] } "#, #""中文😀""#,
    ])
    func acceptsValidDocuments(_ text: String) {
        #expect(Self.firstInvalidByte(text) == nil)
    }

    @Test(arguments: [
        ("1-2", 1), ("007", 1), ("1.", 2), (".5", 0), ("1e", 2), ("-", 1), (#""\x""#, 2), (#""\u12G4""#, 5),
        ("tru", 0), ("[1,]", 3), (#"{"a" 1}"#, 5), ("{} x", 3), ("", 0), ("\"tab\tin\"", 4),
    ])
    func pointsAtTheFirstBrokenByte(_ text: String, _ offset: Int) {
        #expect(Self.firstInvalidByte(text) == offset)
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect([0x22, 0xC3, 0x28, 0x22].withUnsafeBytes { JSONCursor.firstInvalidByte(in: $0) } != nil)
        #expect(Self.firstInvalidByte(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) != nil)
        #expect(Self.firstInvalidByte(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == nil)
    }

    /// Random single-byte edits of a valid document: the validator and `JSONSerialization`
    /// agree on every one.
    @Test func agreesWithJSONSerializationOnRandomEdits() {
        var random = SplitMix64(seed: 0x7A11_D473)
        let document = Array(#"{"id":12,"method":"customer.flag","params":{"a":[true,false,null,-1.5e3,"x\"y\\z"],"b":{}}}"#.utf8)
        let alphabet = Array(#"{}[],:"0123456789-+.eE tfnrsalu\/x"#.utf8)
        var disagreements: [String] = []
        for _ in 0..<3000 {
            var bytes = document
            for _ in 0..<(1 + Int(random.next() % 2)) {
                let position = Int(random.next() % UInt64(bytes.count))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(byte, at: position)
                default: bytes[position] = byte
                }
            }
            let ours = bytes.withUnsafeBytes { JSONCursor.firstInvalidByte(in: $0) } == nil
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil
            if ours != foundation { disagreements.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(3))")
    }
}
