import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Logging
import NIOCore
import Testing

@testable import DossierServer

@Suite("Access: roles from uids and gids, and the [access] table")
struct AccessPolicyTests {
    static func policy(
        users: [UInt32: Role] = [:], groups: [UInt32: Role] = [:], unknown: Role? = nil, rootIsAdmin: Bool = true,
        daemonUserIsAdmin: Bool = true, daemonUID: UInt32 = 999
    ) -> AccessPolicy {
        var configuration = AccessConfiguration()
        configuration.users = users
        configuration.groups = groups
        configuration.unknown = unknown
        configuration.rootIsAdmin = rootIsAdmin
        configuration.daemonUserIsAdmin = daemonUserIsAdmin
        return AccessPolicy(configuration: configuration, daemonUID: daemonUID)
    }

    @Test func aPeerNoRuleMatchesGetsTheUnknownRole() {
        #expect(Self.policy().role(uid: 1000, groups: [1000]) == nil)
        #expect(Self.policy(unknown: .viewer).role(uid: 1000, groups: [1000]) == .viewer)
    }

    @Test func rootAndTheDaemonsOwnUserAreAdminUnlessTurnedOff() {
        #expect(Self.policy().role(uid: 0, groups: [0]) == .admin)
        #expect(Self.policy().role(uid: 999, groups: [999]) == .admin)
        #expect(Self.policy(rootIsAdmin: false).role(uid: 0, groups: [0]) == nil)
        #expect(Self.policy(daemonUserIsAdmin: false).role(uid: 999, groups: [999]) == nil)
        #expect(Self.policy(users: [0: .viewer], rootIsAdmin: false).role(uid: 0, groups: [0]) == .viewer)
    }

    @Test func theHighestMatchingRoleWins() {
        let policy = Self.policy(users: [1000: .clerk], groups: [50: .viewer, 60: .auditor, 70: .approver])
        #expect(policy.role(uid: 1000, groups: [1000]) == .clerk)
        #expect(policy.role(uid: 1000, groups: [1000, 50]) == .clerk)
        #expect(policy.role(uid: 1000, groups: [70, 50]) == .approver)
        #expect(policy.role(uid: 1000, groups: [60, 70]) == .auditor)
        #expect(policy.role(uid: 2000, groups: [50]) == .viewer)
        // A rule can only raise: "unknown" applies when nothing matched at all.
        #expect(Self.policy(users: [1000: .viewer], unknown: .clerk).role(uid: 1000, groups: []) == .viewer)
    }

    @Test func supplementaryGroupsComeFromTheGroupDatabase() {
        // The primary gid comes first and once; a uid without an account has only its primary gid.
        let rootGroups = AccessPolicy.groups(user: "root", primary: 0)
        #expect(rootGroups.first == 0)
        #expect(rootGroups.filter { $0 == 0 }.count == 1)
        #expect(AccessPolicy.groups(user: nil, primary: 4242) == [4242])
    }

    // MARK: - The [access] table

    static let accounts = AccessLoader.Accounts(
        uid: { ["alice": 1001, "bob": 1002][$0] }, gid: { ["dossier-admins": 500, "risk": 501][$0] })

    static func load(_ toml: String) throws -> AccessConfiguration {
        try AccessLoader.load(toml: toml, accounts: Self.accounts)
    }

    @Test func namesAndNumbersResolveToIDs() throws {
        let access = try Self.load(
            """
            [access]
            users = { alice = "clerk", "1003" = "auditor" }
            groups = { dossier-admins = "admin", "77" = "viewer" }
            unknown = "viewer"
            root_is_admin = false
            daemon_user_is_admin = false
            """)
        #expect(access.users == [1001: .clerk, 1003: .auditor])
        #expect(access.groups == [500: .admin, 77: .viewer])
        #expect(access.unknown == .viewer)
        #expect(!access.rootIsAdmin)
        #expect(!access.daemonUserIsAdmin)
        #expect(try Self.load("[access]\nunknown = \"none\"").unknown == nil)
        // A name and its number for one user: the higher role.
        #expect(try Self.load("[access]\nusers = { alice = \"auditor\", \"1001\" = \"clerk\" }").users == [1001: .auditor])
        #expect(try Self.load("") == AccessConfiguration())
    }

    @Test(arguments: [
        ("[access]\nusers = { carol = \"clerk\" }", "access.users.carol", "no user carol"),
        ("[access]\ngroups = { nobody-here = \"admin\" }", "access.groups.nobody-here", "no group nobody-here"),
        ("[access]\nusers = { alice = \"boss\" }", "access.users.alice", "viewer, clerk"),
        ("[access]\nusers = { alice = \"none\" }", "access.users.alice", "viewer, clerk"),
        ("[access]\nusers = { alice = 3 }", "access.users.alice", "must be a string"),
        ("[access]\nusers = \"alice\"", "access.users", "table of strings"),
        ("[access]\nunknown = \"guest\"", "access.unknown", "none, viewer"),
        ("[access]\nroot_is_admin = \"yes\"", "access.root_is_admin", "true or false"),
        ("[access]\nadmins = [\"alice\"]", "access.admins", "not a known setting"),
    ])
    func aBadEntryNamesItsKey(toml: String, key: String, message: String) throws {
        do {
            _ = try Self.load(toml)
            Issue.record("\(toml) loaded")
        } catch let error as ConfigurationError {
            #expect(error.key == key)
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func theConfigLoaderResolvesRealNames() throws {
        var configuration = ConfigurationLoader.defaults(environment: [:])
        try ConfigurationLoader.apply(toml: "[access]\nusers = { root = \"viewer\" }", to: &configuration)
        #expect(configuration.server.access.users == [0: .viewer])
        do {
            try ConfigurationLoader.apply(toml: "[access]\nusers = { no-such-user-here = \"viewer\" }", to: &configuration)
            Issue.record("an unknown user name loaded")
        } catch {
            #expect(error.key == "access.users.no-such-user-here")
        }
        let report = ConfigurationReport.render(configuration)
        #expect(report.contains("users = { \"0\" = \"viewer\" }"))
    }
}
