import DossierCore
import DossierProtocol
import Testing

@Suite("ErrorCode")
struct ErrorCodeTests {
    @Test func codesAreUniqueAndNamespaced() {
        let names = ErrorCode.all.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.hasPrefix("dossier."), "\(name)")
            #expect(name.count > "dossier.".count, "\(name)")
        }
        #expect(ErrorCode.all.contains(.notFound))
        #expect(ErrorCode.all.count == 10)
    }

    @Test(arguments: ErrorCode.all)
    func knownCodesRoundTrip(code: ErrorCode) throws {
        let bytes = try DossierJSON.encode([code])
        #expect(String(decoding: bytes, as: UTF8.self) == "[\"\(code.rawValue)\"]")
        #expect(try DossierJSON.decode([ErrorCode].self, from: bytes) == [code])
        #expect(code.description == code.rawValue)
    }

    @Test func unknownCodeStillDecodes() throws {
        let error = try DossierJSON.decode(
            WireError.self, from: Array(#"{"code":"dossier.QuotaExceeded","message":"later","details":{"n":1}}"#.utf8))
        #expect(error.code.rawValue == "dossier.QuotaExceeded")
        #expect(!ErrorCode.all.contains(error.code))
        #expect(error.message == "later")
        #expect(error.details == ["n": .number(1)])
        #expect(error.description == "dossier.QuotaExceeded: later")
    }

    @Test func wireErrorWithoutDetailsDecodes() throws {
        let error = try DossierJSON.decode(WireError.self, from: Array(#"{"code":"dossier.Internal","message":"x"}"#.utf8))
        #expect(error == WireError(code: .internal, message: "x"))
        #expect(error.details == nil)
    }
}
