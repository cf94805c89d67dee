import DossierProtocol
import Foundation
import Testing

@testable import DossierServer

@Suite("Request header scanner")
struct RequestHeaderScannerTests {
    static func scan(_ text: String) -> RequestHeader? {
        Array(text.utf8).withUnsafeBytes(RequestHeaderScanner.scan)
    }

    static func decode(_ text: String) -> RequestHeader? {
        try? JSONDecoder().decode(RequestHeader.self, from: Data(text.utf8))
    }

    @Test(arguments: [
        #"{"id":7,"method":"complaint.file","params":{"customer":"c1","subject":"a \"quoted\" one","n":[1,2.5e3,{"x":null}]}}"#,
        #" { "method" : "system.hello" } "#,
        #"{"params":{},"method":"log.head","id":"abc"}"#,
        #"{"id":-3,"method":"x","extra":[true,false,null]}"#,
        #"{"id":null,"method":"x"}"#,
    ])
    func readsOrdinaryLinesLikeTheDecoder(line: String) throws {
        let scanned = try #require(Self.scan(line))
        let decoded = try #require(Self.decode(line))
        #expect(scanned.method == decoded.method)
        #expect(scanned.id == decoded.id)
    }

    @Test(arguments: [
        "", "garbage", "[]", "{}", #"{"id":1}"#, #"{"method":7}"#, #"{"method":"a\u00e9"}"#, #"{"id":1.5,"method":"x"}"#,
        #"{"id":1,"method":"x"} trailing"#, #"{"method":"x","method":"y"}"#, #"{"method":"x","params":{"a":tru}}"#,
        #"{"method":"x","params":"#, String(repeating: "[", count: 200),
        #"{"method":"x","params":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}",
    ])
    func leavesEverythingUnusualToTheDecoder(line: String) {
        #expect(Self.scan(line) == nil)
    }

    /// Property: whenever both read a line, they agree; the scanner never invents a header.
    @Test func agreesWithTheDecoderOnMutatedLines() {
        var random = SystemRandomNumberGenerator()
        let seeds = [
            #"{"id":12,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate"}}"#,
            #"{"method":"complaint.list","id":"x-1","params":{"limit":5,"after":null}}"#,
        ]
        var agreed = 0
        for _ in 0..<20_000 {
            var bytes = Array(seeds.randomElement(using: &random)!.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = UInt8.random(in: 0x20...0x7e, using: &random)
                case 1: bytes.remove(at: position)
                default: bytes.insert(Array(#"{}[]",:"#.utf8).randomElement(using: &random)!, at: position)
                }
                if bytes.isEmpty { bytes = [0x7b] }
            }
            let scanned = bytes.withUnsafeBytes(RequestHeaderScanner.scan)
            let decoded = try? JSONDecoder().decode(RequestHeader.self, from: Data(bytes))
            if let scanned, let decoded {
                #expect(scanned.method == decoded.method && scanned.id == decoded.id, "\(String(decoding: bytes, as: UTF8.self))")
                agreed += 1
            }
        }
        #expect(agreed > 0)
    }
}
