import DossierCore
import DossierProtocol
import DossierStore
import DossierTesting
import Foundation
import Logging
import NIOCore
import Testing

@testable import DossierServer

@Suite("Request routing and errors")
struct RequestRouterTests {
    static let context = RequestContext(
        peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000), user: "alice",
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

    /// Sends `line` through a router over a fresh store and returns the reply as a JSON object.
    static func reply(_ lines: [String]) async throws -> [[String: Any]] {
        try await TestStore.with { store, _ in
            let router = DossierMethods.router(store: store, serverVersion: "test")
            var replies: [[String: Any]] = []
            for line in lines {
                let reply = await router.reply(to: ByteBuffer(string: line), context: Self.context)
                let text = String(buffer: reply)
                #expect(text.hasSuffix("\n"))
                #expect(text.filter { $0 == "\n" }.count == 1)
                let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                replies.append(try #require(object))
            }
            return replies
        }
    }

    static func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }

    static func errorMessage(_ reply: [String: Any]) -> String {
        (reply["error"] as? [String: Any])?["message"] as? String ?? ""
    }

    @Test(arguments: [
        "garbage", "{", "[]", "42", "\"text\"", "null", "{\"id\":1}", "{\"method\":7}", "{\"id\":{},\"method\":\"x\"}",
        "{\"id\":1,\"method\":\"customer.show\",\"params\":[1]}", "\u{FF}\u{FE}", String(repeating: "[", count: 10_000),
    ])
    func malformedLinesGetBadRequest(line: String) async throws {
        let reply = try #require(try await Self.reply([line]).first)
        #expect(Self.errorCode(reply) == "dossier.BadRequest")
        #expect(!Self.errorMessage(reply).isEmpty)
    }

    /// Foundation's decoder reads only the members it needs; the daemon refuses any line that
    /// is not valid JSON anywhere, and still takes valid escapes wherever they are.
    @Test(arguments: [
        #"{"id":5,"method":"system.hello","x":1-2}"#, #"{"id":007,"method":"system.hello"}"#,
        #"{"id":5,"method":"system.hello","x":"\q"}"#, #"{"id":5,"method":"system.hello","x":[1,]}"#,
        #"{"id":5,"method":"system.hello","x":01.5}"#, #"{"id":5,"method":"system.hello","x":"\u12G4"}"#,
        #"{"id":5,"method":"system.hello","x":tru}"#,
    ])
    func invalidJSONInAMemberNobodyReadsIsRefused(line: String) async throws {
        let reply = try #require(try await Self.reply([line]).first)
        #expect(Self.errorCode(reply) == "dossier.BadRequest")
        #expect(Self.errorMessage(reply).contains("not valid JSON"))
    }

    @Test func validEscapesAndNumbersInAnyMemberAreFine() async throws {
        let replies = try await Self.reply([
            #"{"id":5,"method":"system.hello","x":"\u00e9\n\"\/","y":[-0.5e+3,0,{"z":null}]}"#,
            #"{"i\u0064":6,"method":"system.hello"}"#,
        ])
        #expect(replies.allSatisfy { $0["error"] == nil })
        #expect(replies[1]["id"] as? Int == 6)
    }

    @Test func unknownMethodsAreNamedAndTheIdIsEchoed() async throws {
        let replies = try await Self.reply([
            #"{"id":5,"method":"customer.delete"}"#, #"{"id":"abc","method":"nope"}"#,
        ])
        #expect(Self.errorCode(replies[0]) == "dossier.UnknownMethod")
        #expect(replies[0]["id"] as? Int == 5)
        #expect(replies[1]["id"] as? String == "abc")
    }

    @Test func badParamsNameTheField() async throws {
        let replies = try await Self.reply([
            #"{"id":1,"method":"customer.register","params":{"id":"c1","kind":"corporate"}}"#,
            #"{"id":2,"method":"customer.register","params":{"id":"c1","name":7,"kind":"corporate"}}"#,
            #"{"id":3,"method":"customer.register","params":{"id":"c1","name":"A","kind":"plant"}}"#,
            #"{"id":4,"method":"customer.register","params":{"id":"bad id!","name":"A","kind":"corporate"}}"#,
            #"{"id":5,"method":"complaint.file","params":{"customer":"c1","type":"service","channel":"phone","level":"L3","subject":"x","receivedAt":"yesterday"}}"#,
            #"{"id":6,"method":"customer.list","params":{"limit":100000}}"#,
        ])
        for reply in replies { #expect(Self.errorCode(reply) == "dossier.BadRequest") }
        #expect(Self.errorMessage(replies[0]).contains("name"))
        #expect(Self.errorMessage(replies[1]).contains("name"))
        #expect(Self.errorMessage(replies[2]).contains("kind"))
        #expect(Self.errorMessage(replies[3]).contains("id"))
        #expect(Self.errorMessage(replies[4]).contains("receivedAt"))
        #expect(Self.errorMessage(replies[5]).contains("limit"))
    }

    @Test func unknownParamsAreRefusedWithASuggestion() async throws {
        let replies = try await Self.reply([
            #"{"id":1,"method":"customer.register","params":{"id":"c1","name":"A","kind":"corporate","requestID":"x"}}"#,
            #"{"id":2,"method":"customer.show","params":{"id":"c1","verbose":true}}"#,
            #"{"id":3,"method":"customer.show","params":"c1"}"#,
        ])
        for reply in replies { #expect(Self.errorCode(reply) == "dossier.BadRequest") }
        #expect(Self.errorMessage(replies[0]).contains("did you mean requestId?"))
        #expect(Self.errorMessage(replies[1]).contains("params.verbose"))
        #expect(Self.errorMessage(replies[2]).contains("params must be a JSON object"))
    }

    @Test func aReplyToALineWithoutAnIdCarriesANullId() async throws {
        let reply = try #require(try await Self.reply(["not json"]).first)
        #expect(reply.keys.contains("id"))
        #expect(reply["id"] is NSNull)
    }

    @Test func rulesAndLookupsMapToTheirCodes() async throws {
        let replies = try await Self.reply([
            #"{"id":1,"method":"customer.show","params":{"id":"ghost"}}"#,
            #"{"id":2,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate"}}"#,
            #"{"id":3,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate"}}"#,
            #"{"id":4,"method":"complaint.file","params":{"customer":"c1","type":"service","channel":"phone","level":"L3","subject":"  "}}"#,
            #"{"id":5,"method":"complaint.show","params":{"number":"HQ000000001"}}"#,
        ])
        #expect(Self.errorCode(replies[0]) == "dossier.NotFound")
        #expect(replies[1]["result"] != nil)
        #expect(Self.errorCode(replies[2]) == "dossier.RuleViolation")
        #expect(Self.errorCode(replies[3]) == "dossier.RuleViolation")
        let details = (replies[3]["error"] as? [String: Any])?["details"] as? [String: Any]
        #expect(details?["rule"] as? String == "complaint.identifiable_subject")
        #expect(Self.errorCode(replies[4]) == "dossier.NotFound")
    }

    @Test func theActorIsTheAuthenticatedPeer() async throws {
        let replies = try await Self.reply([
            #"{"id":1,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate"}}"#,
            #"{"id":2,"method":"log.read","params":{"stream":"customer-c1"}}"#,
        ])
        let events = ((replies[1]["result"] as? [String: Any])?["events"] as? [[String: Any]]) ?? []
        let actor = try #require(events.first?["actor"] as? [String: Any])
        #expect(actor["uid"] as? Int == 1000)
        #expect(actor["user"] as? String == "alice")
    }

    @Test func helloNamesTheCallerAndTheDaemonsOwnUid() async throws {
        let reply = try #require(try await Self.reply([#"{"id":1,"method":"system.hello"}"#]).first)
        let result = try #require(reply["result"] as? [String: Any])
        #expect(result["uid"] as? Int == 1000)
        // The daemon's own uid comes from the process, not from the peer.
        #expect(result["serverUid"] as? Int == Int(geteuid()))
    }

    @Test func everyDescribedMethodIsRouted() async throws {
        let lines = Method.all.enumerated().map { #"{"id":\#($0.offset),"method":"\#($0.element.name)"}"# }
        for reply in try await Self.reply(lines) {
            #expect(Self.errorCode(reply) != "dossier.UnknownMethod")
        }
    }

    /// Without a connection nobody could end a follow: routed alone it sends what the log holds
    /// and a last line saying where to resume.
    @Test(.timeLimit(.minutes(1))) func aFollowRoutedWithoutAConnectionEndsWhenCaughtUp() async throws {
        try await TestStore.with { store, _ in
            for index in 1...3 { _ = try await TestStore.register(store, "c\(index)") }
            let router = DossierMethods.router(store: store, serverVersion: "test")
            let reply = await router.reply(
                to: ByteBuffer(string: #"{"id":1,"method":"log.follow","params":{"from":2}}"#), context: Self.context)
            let lines = try String(buffer: reply).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            try #require(lines.count == 2)
            let first = try #require(lines[0]["result"] as? [String: Any])
            #expect((first["events"] as? [[String: Any]])?.compactMap { $0["sequence"] as? Int } == [2, 3])
            #expect(lines[0]["more"] as? Bool == true)
            #expect(lines[1]["more"] == nil)
            #expect((lines[1]["result"] as? [String: Any])?["next"] as? Int == 4)
        }
    }

    @Test func aLineTooLongReplyCarriesTheLimit() throws {
        let text = String(buffer: RequestRouter.lineTooLongReply(length: 2_000_000, maximum: 1_048_576))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Self.errorCode(object) == "dossier.LineTooLong")
    }

    /// Issue 16.5: PROTOCOL.md promises a retry the original result; it used to get the
    /// customer as it was at the time of the retry (here: with a flag recorded in between).
    @Test func aRetriedCommandAnswersTheOriginalResult() async throws {
        let register = #"{"id":1,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate","requestId":"0190d8a0-0000-7000-8000-000000000001"}}"#
        let replies = try await Self.reply([
            register,
            #"{"id":2,"method":"customer.flag","params":{"customer":"c1","kind":"default","source":"bureau"}}"#,
            register,
        ])
        let first = try #require(replies[0]["result"] as? [String: Any])
        let retried = try #require(replies[2]["result"] as? [String: Any])
        #expect((first["customer"] as? NSDictionary) == (retried["customer"] as? NSDictionary))
        #expect((retried["customer"] as? [String: Any])?["openFlags"] as? Int == 0)
        #expect((retried["customer"] as? [String: Any])?["version"] as? Int == 1)
        #expect((retried["receipt"] as? [String: Any])?["deduplicated"] as? Bool == true)
        #expect(((replies[1]["result"] as? [String: Any])?["customer"] as? [String: Any])?["openFlags"] as? Int == 1)
    }
}
