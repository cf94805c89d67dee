import DossierCore
import Foundation
import Testing

/// `JSONWritable` adopters must write exactly the bytes `DossierJSON.encoder()` writes: stored
/// payloads are hashed as written, and projection rebuilds compare bytes.
@Suite("JSONWriter writes what JSONEncoder writes")
struct JSONWriterTests {
    static func foundationBytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try DossierJSON.encoder().encode(value))
    }

    static func writerBytes(_ value: some JSONWritable) -> [UInt8] {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    @Test func everyControlCharacterQuoteBackslashSlashAndNonASCII() throws {
        var text = ""
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "\u{7F}\"\\/é\u{2028}😀 plain"
        #expect(Self.writerBytes(text) == (try Self.foundationBytes(text)))
        #expect(Self.writerBytes([text, "", "x"]) == (try Self.foundationBytes([text, "", "x"])))
    }

    @Test(arguments: [Int64.min, -1, 0, 7, 10, 99, 1_000_000, Int64.max])
    func integers(_ value: Int64) throws {
        #expect(Self.writerBytes(value) == (try Self.foundationBytes(value)))
    }

    @Test func largestUnsignedAndBooleans() throws {
        #expect(Self.writerBytes(UInt64.max) == (try Self.foundationBytes(UInt64.max)))
        #expect(Self.writerBytes([true, false]) == (try Self.foundationBytes([true, false])))
    }

    /// Random strings drawn from the characters that need care, random states and payloads.
    @Test func randomValuesOfEveryAdopter() throws {
        var random = SplitMix64(seed: 0x750_4A11)
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "中", "😀", "\u{7F}"]
        func text() -> String {
            String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        func time() -> Timestamp { Timestamp(millisecondsSince1970: Int64(random.next() % 7_000_000_000_000)) }
        for round in 0..<300 {
            var state = CustomerState(
                id: CustomerID(rawValue: "C-\(round)"), name: text(), kind: CustomerKind.allCases.randomElement(using: &random)!,
                stage: PoolStage.allCases.randomElement(using: &random)!, tier: CustomerTier.allCases.randomElement(using: &random)!,
                registeredAt: time(), version: random.next())
            state.openFlags = Int(random.next() % 1000)
            state.lastFlaggedAt = random.chance(0.5) ? time() : nil
            #expect(Self.writerBytes(state) == (try Self.foundationBytes(state)))

            let flagged = CustomerFlagged(
                customer: state.id, kind: FlagKind.allCases.randomElement(using: &random)!, source: text(), detail: text(),
                observedOn: LocalDate(daysSince1970: Int(random.next() % 100_000)),
                response: random.chance(0.5) ? FlagResponse.allCases.randomElement(using: &random) : nil)
            #expect(Self.writerBytes(flagged) == (try Self.foundationBytes(flagged)))

            let registered = CustomerRegistered(
                customer: state.id, name: text(), kind: state.kind, stage: state.stage, tier: state.tier)
            #expect(Self.writerBytes(registered) == (try Self.foundationBytes(registered)))
        }
    }

    @Test func dossierJSONUsesTheWriterAndStillEncodesEverythingElse() throws {
        let state = registeredCustomer()
        #expect(try DossierJSON.encode(state) == Self.writerBytes(state))
        struct NotWritable: Encodable { var b = 2, a = 1 }
        #expect(try DossierJSON.encode(NotWritable()) == Array(#"{"a":1,"b":2}"#.utf8))
    }
}
