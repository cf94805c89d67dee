import DossierClient
import DossierProtocol
import Testing

@Suite("Which server uids the client accepts")
struct ServerIdentityTests {
    static func server(uid: UInt32) -> PeerCredentials { PeerCredentials(pid: 4242, uid: uid, gid: uid) }

    @Test func byDefaultRootYouAndTheServiceUserAreAccepted() {
        let identity = ServerIdentity.standard(clientUID: 1000, serviceUID: 998)
        #expect(identity.trusted.map(\.uid) == [0, 1000, 998])
        for uid: UInt32 in [0, 1000, 998] {
            #expect(identity.refusal(of: Self.server(uid: uid), socketPath: "/s") == nil)
        }
        for uid: UInt32 in [1, 999, 1001, 61_004] {
            #expect(identity.refusal(of: Self.server(uid: uid), socketPath: "/s") != nil)
        }
    }

    @Test func withoutAServiceUserOnlyRootAndYou() {
        let identity = ServerIdentity.standard(clientUID: 1000, serviceUID: nil)
        #expect(identity.trusted.map(\.uid) == [0, 1000])
        // Root's own uid is listed once.
        #expect(ServerIdentity.standard(clientUID: 0, serviceUID: nil).trusted.map(\.uid) == [0])
    }

    @Test func expectedUidsReplaceTheDefaultsButRootStays() {
        let identity = ServerIdentity.expecting([61_004, 61_005])
        #expect(identity.trusted.map(\.uid) == [0, 61_004, 61_005])
        #expect(identity.accepts(uid: 0))
        #expect(identity.accepts(uid: 61_005))
        // Not even the client's own uid or the service user any more.
        #expect(!identity.accepts(uid: 1000))
    }

    @Test func theRefusalNamesTheSocketTheUidFoundTheUidsAcceptedAndTheOverride() throws {
        let identity = ServerIdentity.standard(clientUID: 1000, serviceUID: 998)
        let refusal = try #require(identity.refusal(of: Self.server(uid: 61_004), socketPath: "/tmp/x/d.sock"))
        #expect(
            refusal
                == .untrustedServer(socketPath: "/tmp/x/d.sock", server: Self.server(uid: 61_004), trusted: identity.trusted))
        let text = refusal.description
        #expect(text.contains("/tmp/x/d.sock"))
        #expect(text.contains("uid 61004 (pid 4242)"))
        #expect(text.contains("0 (root), 1000 (you), 998 (the dossier system user)"))
        #expect(text.contains("--expect-uid 61004"))
        #expect(text.contains("DOSSIER_EXPECT_UID=61004"))
        #expect(refusal.code == "dossier.client.UntrustedServer")
    }

    @Test func theFlagWinsOverTheEnvironmentWhichWinsOverTheDefaults() throws {
        let environment = ["DOSSIER_EXPECT_UID": "61004, 61005"]
        #expect(try ClientEnvironment.serverIdentity(flag: [7], environment: environment) == .expecting([7]))
        #expect(try ClientEnvironment.serverIdentity(flag: [], environment: environment) == .expecting([61_004, 61_005]))
        #expect(try ClientEnvironment.serverIdentity(flag: [], environment: [:]) == .forThisUser)
        #expect(try ClientEnvironment.serverIdentity(flag: [], environment: ["DOSSIER_EXPECT_UID": ""]) == .forThisUser)
    }

    @Test(arguments: ["dossier", "61004,", "-1", "4294967296", "1;2"])
    func aMalformedVariableIsAnError(value: String) {
        #expect(throws: ClientEnvironment.InvalidVariable.self) {
            try ClientEnvironment.serverIdentity(flag: [], environment: ["DOSSIER_EXPECT_UID": value])
        }
    }
}
