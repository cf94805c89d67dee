import DossierCore
import DossierProtocol
import Foundation
import Testing

/// The hot params read without the decoder must be what the decoder reads, or nothing.
@Suite("Params read by hand match JSONDecoder")
struct ParamsReaderTests {
    static func fast<T: JSONReadable>(_ type: T.Type, _ text: String) -> T? {
        Array(text.utf8).withUnsafeBytes { DossierJSON.read(type, $0) } as? T
    }

    @Test func flagParamsWithEveryOptionalOrNone() throws {
        let full = #"{"customer":"C-1","kind":"default","source":"bureau","detail":"late","observedOn":"2026-01-31","response":"limit_cut","requestId":"0193A0B4-5C6D-7E8F-9012-3456789ABCDE"}"#
        let minimal = #"{"customer":"C-1","kind":"default","source":"bureau","detail":null}"#
        for text in [full, minimal] {
            let decoded = try JSONDecoder().decode(FlagCustomerParams.self, from: Data(text.utf8))
            #expect(Self.fast(FlagCustomerParams.self, text) == decoded)
        }
    }

    @Test(arguments: [
        #"{"customer":"C-1","kind":"nope","source":"b"}"#,  // not a kind
        #"{"customer":"C-1","kind":"default"}"#,  // source missing
        #"{"customer":"C-1","kind":"default","source":"b","requestID":"x"}"#,  // misspelt key
        #"{"customer":"C-1","kind":"default","source":"b","expectedVersion":3}"#,  // left to the decoder
        #"{"customer":"C-1","kind":"default","source":"b","observedOn":"2026-02-30"}"#,  // no such day
        #"{"customer":"C-1","kind":"default","source":"b","requestId":"not-a-uuid"}"#,
        #"{"customer":7,"kind":"default","source":"b"}"#,
    ])
    func declinesWhatTheDecoderMustJudge(_ text: String) {
        #expect(Self.fast(FlagCustomerParams.self, text) == nil)
    }

    @Test func showAndRegisterParams() throws {
        for text in [#"{"id":"C-9"}"#, #"{"id":"C-9","asOf":"2026-03-01T08:30:00Z"}"#, #"{"id":"C-9","asOf":null}"#] {
            #expect(Self.fast(CustomerIDParams.self, text) == (try JSONDecoder().decode(CustomerIDParams.self, from: Data(text.utf8))))
        }
        #expect(Self.fast(CustomerIDParams.self, #"{"id":"C-9","asOf":"yesterday"}"#) == nil)
        let register = #"{"id":"C-9","name":"Li","kind":"corporate","tier":"gold","stage":null}"#
        #expect(
            Self.fast(RegisterCustomerParams.self, register)
                == (try JSONDecoder().decode(RegisterCustomerParams.self, from: Data(register.utf8))))
    }
}
