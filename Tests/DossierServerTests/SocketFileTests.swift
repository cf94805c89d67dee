import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import DossierServer

@Suite("The socket's directory")
struct SocketFileTests {
    /// The mode and group of the directory at `path`.
    static func status(_ path: String) throws -> (mode: mode_t, group: gid_t) {
        var status = stat()
        try #require(stat(path, &status) == 0, "\(path) exists")
        return (status.st_mode & 0o7777, status.st_gid)
    }

    @Test func aMissingSocketDirectoryIsCreatedForTheDaemonAlone() async throws {
        try await withTemporaryDirectory { base in
            try SocketFile.prepare(base.appending("run/dossier/d.sock"))
            #expect(try Self.status(base.appending("run")).mode == 0o700)
            #expect(try Self.status(base.appending("run/dossier")).mode == 0o700)
        }
    }

    /// With `server.socket_group`, the group's members must reach the socket through it.
    @Test func withASocketGroupTheGroupMayEnter() async throws {
        // Root may give a directory to any group; others only to their own.
        let own = String(cString: try #require(getgrgid(getegid())).pointee.gr_name)
        let name = getuid() == 0 && getgrnam("nogroup") != nil ? "nogroup" : own
        let group = try #require(getgrnam(name)).pointee.gr_gid
        try await withTemporaryDirectory { base in
            try SocketFile.prepare(base.appending("run/dossier/d.sock"), group: name)
            for directory in [base.appending("run"), base.appending("run/dossier")] {
                let status = try Self.status(directory)
                #expect(status.mode == 0o750, "\(directory)")
                #expect(status.group == group, "\(directory)")
            }
        }
    }

    /// What is there already is checked, not taken over.
    @Test func anExistingSocketDirectoryOfAnotherUserIsRefused() async throws {
        try await withTemporaryDirectory { base in
            let shared = try base.makeDirectory("shared", mode: 0o1777)
            #expect(throws: SocketFile.Problem.self) { try SocketFile.prepare(shared + "/d.sock") }
            #expect(try Self.status(shared).mode == 0o1777, "left as it was")
        }
    }
}
