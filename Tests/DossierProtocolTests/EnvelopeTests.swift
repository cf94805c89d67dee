import DossierCore
import DossierProtocol
import Foundation
import Testing

@Suite("Envelopes")
struct EnvelopeTests {
    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func header(_ line: String) throws -> RequestHeader {
        try DossierJSON.decode(RequestHeader.self, from: Array(line.utf8))
    }

    // MARK: - Request ids

    @Test(arguments: [
        ("7", RequestID.number(7)),
        ("0", .number(0)),
        ("-3", .number(-3)),
        ("9223372036854775807", .number(.max)),
        (#""abc""#, .string("abc")),
        (#""7""#, .string("7")),
        (#""""#, .string("")),
        (#""请求-1""#, .string("请求-1")),
    ])
    func requestIDDecodes(json: String, id: RequestID) throws {
        #expect(try DossierJSON.decode([RequestID].self, from: Array("[\(json)]".utf8)) == [id])
        #expect(String(decoding: try DossierJSON.encode([id]), as: UTF8.self) == "[\(json)]")
    }

    @Test(arguments: ["1.5", "true", "{}", "[1]", "9223372036854775808"])
    func requestIDRejectsOtherTypes(json: String) {
        #expect(throws: DecodingError.self) {
            try DossierJSON.decode([RequestID].self, from: Array("[\(json)]".utf8))
        }
    }

    @Test func requestIDDescription() {
        #expect(RequestID.number(7).description == "7")
        #expect(RequestID.string("abc").description == "abc")
    }

    // MARK: - Request headers

    @Test(arguments: [
        (#"{"id":7,"method":"system.hello"}"#, RequestID?.some(.number(7)), "system.hello"),
        (#"{"method":"system.hello"}"#, nil, "system.hello"),
        (#"{"id":null,"method":"log.head"}"#, nil, "log.head"),
        (#"{"id":"req-1","method":"complaint.file","params":{"customer":"C-1"}}"#, .string("req-1"), "complaint.file"),
        (#"{"params":[1,2],"method":"x.y","id":-1,"extra":true}"#, .number(-1), "x.y"),
        (#"  {"id":1,"method":""}  "#, .number(1), ""),
    ])
    func headerDecodes(line: String, id: RequestID?, method: String) throws {
        let decoded = try header(line)
        #expect(decoded.id == id)
        #expect(decoded.method == method)
    }

    @Test(arguments: [
        "", "not json", "[]", "null", "7", #"{"id":7}"#, #"{"id":7,"method":5}"#, #"{"id":7,"method":null}"#,
        #"{"id":[1],"method":"m"}"#, #"{"id":true,"method":"m"}"#, #"{"id":1.5,"method":"m"}"#,
        #"{"id":7,"method":"m""#, #"{"id":7,"method":"m"} trailing"#,
    ])
    func malformedHeaderFails(line: String) {
        #expect(throws: (any Error).self) { try header(line) }
    }

    @Test func paramsEnvelopeReadsOnlyParams() throws {
        let line = #"{"id":3,"method":"customer.show","params":{"id":"C-1"}}"#
        let envelope = try DossierJSON.decode(ParamsEnvelope<CustomerIDParams>.self, from: Array(line.utf8))
        #expect(envelope.params == CustomerIDParams(id: "C-1"))
        let none = try DossierJSON.decode(
            ParamsEnvelope<CustomerIDParams>.self, from: Array(#"{"id":3,"method":"log.head"}"#.utf8))
        #expect(none.params == nil)
    }

    @Test func requestEncodesIdMethodAndParams() throws {
        let request = Request(id: .number(1), method: "system.hello", params: NoParams())
        let json = try object(try DossierJSON.encode(request))
        #expect(Set(json.keys) == ["id", "method", "params"])
        #expect(json["id"] as? Int == 1)
        #expect(json["method"] as? String == "system.hello")
        #expect((json["params"] as? [String: Any])?.isEmpty == true)
    }

    // MARK: - Replies

    @Test func replyShape() throws {
        let reply = Reply(id: .number(7), result: HeadResult(sequence: 3, hash: "ab12"))
        let json = try object(try DossierJSON.encode(reply))
        #expect(Set(json.keys) == ["id", "result"])
        #expect(json["id"] as? Int == 7)
        let result = try #require(json["result"] as? [String: Any])
        #expect(result["sequence"] as? Int == 3)
        #expect(result["hash"] as? String == "ab12")
    }

    @Test func replyToARequestWithoutIDHasNullID() throws {
        let json = try object(try DossierJSON.encode(Reply(id: nil, result: HeadResult(sequence: 1, hash: "x"))))
        #expect(Set(json.keys) == ["id", "result"])
        #expect(json["id"] is NSNull)
    }

    @Test func streamingReplyCarriesMore() throws {
        let json = try object(try DossierJSON.encode(Reply(id: .string("s"), result: NoParams(), more: true)))
        #expect(Set(json.keys) == ["id", "result", "more"])
        #expect(json["id"] as? String == "s")
        #expect(json["more"] as? Bool == true)
    }

    @Test func errorReplyShape() throws {
        let reply = ErrorReply(
            id: .number(7), error: WireError(code: .notFound, message: "customer C-1 is not registered; register it first"))
        let json = try object(try DossierJSON.encode(reply))
        #expect(Set(json.keys) == ["error", "id"])
        #expect(json["id"] as? Int == 7)
        let error = try #require(json["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message"])
        #expect(error["code"] as? String == "dossier.NotFound")
        #expect(error["message"] as? String == "customer C-1 is not registered; register it first")
    }

    @Test func errorReplyWithDetailsAndNoID() throws {
        let reply = ErrorReply(
            id: nil,
            error: WireError(
                code: .wrongExpectedVersion, message: "stream moved",
                details: ["stream": .string("customer-42"), "expected": .number(7), "actual": .number(9)]))
        let bytes = try DossierJSON.encode(reply)
        let json = try object(bytes)
        // JSON-RPC style: an unreadable request id is answered with "id": null.
        #expect(json["id"] is NSNull)
        let details = try #require((json["error"] as? [String: Any])?["details"] as? [String: Any])
        #expect(details["stream"] as? String == "customer-42")
        #expect(details["expected"] as? Int == 7)
        #expect(details["actual"] as? Int == 9)

        let back = try DossierJSON.decode(ErrorReply.self, from: bytes)
        #expect(back.id == nil)
        #expect(back.error == reply.error)
    }

    @Test func replyHeaderReadsBothKinds() throws {
        let success = try DossierJSON.decode(
            ReplyHeader.self, from: try DossierJSON.encode(Reply(id: .number(1), result: HeadResult(sequence: 1, hash: "x"), more: true)))
        #expect(success.id == .number(1))
        #expect(success.error == nil)
        #expect(success.more == true)

        let failure = try DossierJSON.decode(
            ReplyHeader.self,
            from: Array(#"{"error":{"code":"dossier.Forbidden","message":"no"},"id":"a"}"#.utf8))
        #expect(failure.id == .string("a"))
        #expect(failure.error == WireError(code: .forbidden, message: "no"))
        #expect(failure.more == nil)
    }

    @Test func resultEnvelopeReadsTheResult() throws {
        let bytes = try DossierJSON.encode(Reply(id: .number(1), result: HeadResult(sequence: 5, hash: "ff")))
        #expect(try DossierJSON.decode(ResultEnvelope<HeadResult>.self, from: bytes).result == HeadResult(sequence: 5, hash: "ff"))
    }
}
