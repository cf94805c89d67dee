import DossierCore
import Foundation
import Testing

/// The fast reader may decline any input, but whatever it reads must be what `JSONDecoder`
/// reads from the same bytes.
@Suite("JSONMembers reads what JSONDecoder reads, or declines")
struct JSONMembersTests {
    static func members(_ text: String) -> JSONMembers? {
        Array(text.utf8).withUnsafeBytes { JSONMembers($0) }
    }

    static func fastRead<T: JSONReadable>(_ type: T.Type, _ bytes: [UInt8]) -> T? {
        bytes.withUnsafeBytes { DossierJSON.read(type, $0) } as? T
    }

    @Test func scalarsOfEveryKind() throws {
        let read = try #require(Self.members(#" { "s" : "a/é" , "i":-12,"z":0, "t":true,"f":false,"n":null, "min":-9223372036854775808 } "#))
        #expect(read["s"] == .string("a/é"))
        #expect(read["i"] == .integer(-12))
        #expect(read["z"] == .integer(0))
        #expect(read["t"] == .bool(true))
        #expect(read["f"] == .bool(false))
        #expect(read["n"] == .null)
        #expect(read["min"] == .integer(.min))
        #expect(Self.members("{}")?.keys == [])
    }

    @Test(arguments: [
        #"{"a":"x\"y"}"#, #"{"a":"tab\there"}"#, #"{"a":01}"#, #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":-}"#,
        #"{"a":9223372036854775808}"#, #"{"a":{}}"#, #"{"a":[1]}"#, #"{"a":1,"a":2}"#, #"{"a":1,}"#, #"{"a":1} x"#,
        #"{"a" 1}"#, #"{a:1}"#, #"[1]"#, #"{"a":tru}"#, #"{"a":"unterminated}"#, "",
    ])
    func declinesWhatItDoesNotHandle(_ text: String) {
        #expect(Self.members(text) == nil)
    }

    @Test func declinesInvalidUTF8() {
        #expect([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D].withUnsafeBytes { JSONMembers($0) } == nil)
    }

    /// Random payloads, then random corruptions of them: wherever the fast reader reads a value,
    /// the decoder reads the same one.
    @Test func agreesWithTheDecoderOnRandomAndCorruptedPayloads() throws {
        var random = SplitMix64(seed: 0x4EAD_0001)
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "é", "中", "-", ":", ",", "{", "}"]
        func text() -> String {
            String((0..<Int(random.next() % 8)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        var fastReads = 0
        for round in 0..<2000 {
            let flagged = CustomerFlagged(
                customer: CustomerID(rawValue: "C-\(round)"), kind: FlagKind.allCases.randomElement(using: &random)!,
                source: text(), detail: text(), observedOn: LocalDate(daysSince1970: Int(random.next() % 50_000)),
                response: random.chance(0.5) ? FlagResponse.allCases.randomElement(using: &random) : nil)
            var bytes = Array(try DossierJSON.encoder().encode(flagged))
            if random.chance(0.5) {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(Array(" \"{}[],:01-.etnul\\".utf8).randomElement(using: &random)!, at: position)
                default: bytes[position] = UInt8(random.next() % 128)
                }
            }
            let decoded = try? JSONDecoder().decode(CustomerFlagged.self, from: Data(bytes))
            if let fast = Self.fastRead(CustomerFlagged.self, bytes) {
                fastReads += 1
                #expect(fast == decoded, "fast path read \(String(decoding: bytes, as: UTF8.self))")
            }
            #expect((try? DossierJSON.decode(CustomerFlagged.self, from: bytes)) == decoded)
        }
        #expect(fastReads > 200)  // the fast path does serve the payloads without escapes
    }

    @Test func customerRegisteredRoundTrips() throws {
        let registered = CustomerRegistered(
            customer: CustomerID(rawValue: "C-1"), name: "Wang Li", kind: .individual, stage: .prospect, tier: .gold)
        let bytes = try DossierJSON.encode(registered)
        #expect(Self.fastRead(CustomerRegistered.self, bytes) == registered)
    }
}
