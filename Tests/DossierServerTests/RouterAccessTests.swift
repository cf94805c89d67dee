import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Logging
import NIOCore
import Testing

@testable import DossierServer

@Suite("The router enforces roles and withholds confidential fields")
struct RouterAccessTests {
    static func context(_ role: Role?, uid: UInt32 = 1000) -> RequestContext {
        RequestContext(
            peer: PeerCredentials(pid: 1, uid: uid, gid: uid), user: "alice", role: role,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static func object(_ reply: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: reply).utf8)) as? [String: Any])
    }

    /// Sends each `(line, role)` through one router over a fresh store, in order.
    static func replies(_ requests: [(String, Role?)]) async throws -> [[String: Any]] {
        try await TestStore.with { store, _ in
            let router = DossierMethods.router(store: store, serverVersion: "test")
            var replies: [[String: Any]] = []
            for (line, role) in requests {
                replies.append(try Self.object(await router.reply(to: ByteBuffer(string: line), context: Self.context(role))))
            }
            return replies
        }
    }

    static func code(_ reply: [String: Any]) -> String? { (reply["error"] as? [String: Any])?["code"] as? String }

    /// Every method against every role: Forbidden exactly when `Method.roles` leaves the role out.
    @Test(arguments: [nil] + Role.allCases.map { Optional($0) })
    func everyMethodAnswersForbiddenExactlyWhenItsRolesSaySo(role: Role?) async throws {
        let requests = Method.all.enumerated().map { (#"{"id":\#($0.offset),"method":"\#($0.element.name)"}"#, role) }
        let replies = try await Self.replies(requests)
        for (method, reply) in zip(Method.all, replies) {
            let allowed = method == .hello || (role.map { method.roles.contains($0) } ?? false)
            #expect(RequestRouter.mayCall(method, role: role) == allowed)
            #expect((Self.code(reply) == "dossier.Forbidden") == !allowed, "\(method.name) as \(role?.rawValue ?? "none")")
            if !allowed {
                let error = try #require(reply["error"] as? [String: Any])
                let details = try #require(error["details"] as? [String: Any])
                #expect(details["method"] as? String == method.name)
                #expect(details["role"] as? String == role?.rawValue ?? "none")
                #expect((error["message"] as? String)?.contains(method.name) == true)
            }
        }
    }

    @Test func rolesHoldWhatTheDomainSays() {
        let reads: [Method] = [.showCustomer, .listCustomers, .showComplaint, .listComplaints, .readLog, .head]
        let writes: [Method] = [.registerCustomer, .flagCustomer, .fileComplaint]
        for method in Method.all { #expect(RequestRouter.mayCall(method, role: .admin), "admin: \(method.name)") }
        for method in reads {
            for role in Role.allCases { #expect(RequestRouter.mayCall(method, role: role), "\(role): \(method.name)") }
        }
        for method in writes {
            #expect(!RequestRouter.mayCall(method, role: .viewer))
            #expect(!RequestRouter.mayCall(method, role: .auditor))
            #expect(RequestRouter.mayCall(method, role: .clerk))
            #expect(RequestRouter.mayCall(method, role: .approver))
        }
        #expect(RequestRouter.mayCall(.verify, role: .auditor))
        #expect(!RequestRouter.mayCall(.verify, role: .viewer))
        #expect(!RequestRouter.mayCall(.verify, role: .clerk))
        for method in Method.all where method != .hello { #expect(!RequestRouter.mayCall(method, role: nil)) }
    }

    /// The review's attack came from an auditor: only an admin may back up, and a refused
    /// backup touches nothing at the path it named.
    @Test(arguments: [Role.auditor, .viewer, .clerk, .approver])
    func onlyAnAdminMayBackUp(role: Role) async throws {
        try await withTemporaryDirectory { directory in
            let target = directory.appending("planted")
            let reply = try await Self.replies([
                (#"{"id":1,"method":"admin.backup","params":{"path":"\#(target)"}}"#, role)
            ])[0]
            #expect(Self.code(reply) == "dossier.Forbidden")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test func helloSaysWhichRoleThePeerHas() async throws {
        let replies = try await Self.replies([
            (#"{"id":1,"method":"system.hello"}"#, .viewer), (#"{"id":2,"method":"system.hello"}"#, nil),
        ])
        #expect((replies[0]["result"] as? [String: Any])?["role"] as? String == "viewer")
        #expect((replies[1]["result"] as? [String: Any])?["role"] == nil)
    }

    @Test func aForbiddenCommandAppendsNothing() async throws {
        let replies = try await Self.replies([
            (#"{"id":1,"method":"customer.register","params":{"id":"c1","name":"A","kind":"corporate"}}"#, .viewer),
            (#"{"id":2,"method":"customer.register","params":{"id":"c1","name":"A","kind":"corporate"}}"#, .auditor),
            (#"{"id":3,"method":"log.head"}"#, .auditor),
        ])
        #expect(Self.code(replies[0]) == "dossier.Forbidden")
        #expect(Self.code(replies[1]) == "dossier.Forbidden")
        #expect(replies[0]["id"] as? Int == 1)
        #expect((replies[2]["result"] as? [String: Any])?["sequence"] as? Int == 0)
    }

    static let flagged: [(String, Role?)] = [
        (#"{"id":1,"method":"customer.register","params":{"id":"c1","name":"Acme","kind":"corporate"}}"#, .clerk),
        (#"{"id":2,"method":"customer.flag","params":{"customer":"c1","kind":"default","source":"bureau","detail":"90 days"}}"#, .clerk),
    ]

    @Test func aViewerGetsCustomersWithoutBadRecords() async throws {
        let replies = try await Self.replies(
            Self.flagged + [
                (#"{"id":3,"method":"customer.show","params":{"id":"c1"}}"#, .viewer),
                (#"{"id":4,"method":"customer.list"}"#, .viewer),
                (#"{"id":5,"method":"customer.show","params":{"id":"c1"}}"#, .auditor),
            ])
        let flag = try #require(replies[1]["result"] as? [String: Any])
        #expect((flag["customer"] as? [String: Any])?["openFlags"] as? Int == 1, "the clerk who flagged sees it")
        #expect(flag["withheld"] == nil)

        let show = try #require(replies[2]["result"] as? [String: Any])
        let customer = try #require(show["customer"] as? [String: Any])
        #expect(Set(customer.keys) == ["id", "name", "kind", "stage", "tier", "registeredAt", "version"])
        #expect(customer["version"] as? Int == 2)
        #expect(show["withheld"] as? [String] == ["badRecords"])

        let list = try #require(replies[3]["result"] as? [String: Any])
        let listed = try #require((list["customers"] as? [[String: Any]])?.first)
        #expect(listed["openFlags"] == nil && listed["lastFlaggedAt"] == nil)
        #expect(list["withheld"] as? [String] == ["badRecords"])

        let audited = try #require((replies[4]["result"] as? [String: Any])?["customer"] as? [String: Any])
        #expect(audited["openFlags"] as? Int == 1)
        #expect(audited["lastFlaggedAt"] is String)
    }

    @Test func aViewerReadsTheLogWithoutFlagPayloads() async throws {
        let replies = try await Self.replies(
            Self.flagged + [
                (#"{"id":3,"method":"log.read"}"#, .viewer), (#"{"id":4,"method":"log.read"}"#, .clerk),
                (#"{"id":5,"method":"log.read","params":{"stream":"customer-c1","from":2}}"#, .viewer),
            ])
        let viewed = try #require((replies[2]["result"] as? [String: Any])?["events"] as? [[String: Any]])
        let full = try #require((replies[3]["result"] as? [String: Any])?["events"] as? [[String: Any]])
        #expect(viewed.count == 2)
        #expect(viewed[0]["data"] as? NSDictionary == full[0]["data"] as? NSDictionary)
        #expect(viewed[1]["type"] as? String == "Withheld")
        #expect(full[1]["type"] as? String == "CustomerFlagged")
        #expect(viewed[1]["data"] is NSNull)
        #expect(viewed[1]["salt"] == nil)
        #expect((full[1]["salt"] as? String)?.count == 32, "the clerk sees the 16-byte salt")
        #expect(full[0]["salt"] == nil, "only confidential payloads are salted")
        #expect((full[1]["data"] as? [String: Any])?["detail"] as? String == "90 days")
        // Everything but the payload, its salt and its type is as the clerk sees it.
        for key in ["sequence", "hash", "id", "version", "stream", "recordedAt"] {
            #expect("\(viewed[1][key] ?? "")" == "\(full[1][key] ?? "")", "\(key)")
        }
        let page = try #require((replies[4]["result"] as? [String: Any])?["events"] as? [[String: Any]])
        #expect(page.count == 1 && page[0]["data"] is NSNull)
        // The typed client decodes the redacted page.
        let line = try await TestStore.with { store, _ in
            let router = DossierMethods.router(store: store, serverVersion: "test")
            for (line, role) in Self.flagged { _ = await router.reply(to: ByteBuffer(string: line), context: Self.context(role)) }
            return await router.reply(to: ByteBuffer(string: #"{"id":3,"method":"log.read"}"#), context: Self.context(.viewer))
        }
        let decoded = try DossierJSON.decode(ResultEnvelope<EventsResult>.self, from: Array(line.readableBytesView)).result
        #expect(decoded.events[1].data == .null)
        #expect(decoded.isWithheld(.badRecords))
    }
}
