import DossierProtocol
import Foundation
import Testing

@Suite("Peer credentials and the password database")
struct PeerCredentialsTests {
    @Test func theKernelReportsThePeerOfAConnectedSocket() throws {
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer {
            close(pair[0])
            close(pair[1])
        }
        // Both ends belong to this process, so the kernel must name it, with its ids.
        let peer = try PeerCredentials.ofPeer(socket: pair[0])
        #expect(peer == PeerCredentials(pid: getpid(), uid: geteuid(), gid: getegid()))
    }

    @Test func aDescriptorThatIsNoSocketGivesItsErrno() throws {
        let file = open("/dev/null", O_RDONLY)
        defer { close(file) }
        #expect(throws: Errno(code: ENOTSOCK)) { try PeerCredentials.ofPeer(socket: file) }
    }

    @Test func usersAreLookedUpByNameAndByUid() {
        #expect(SystemAccounts.uid(ofUser: "root") == 0)
        #expect(SystemAccounts.uid(ofUser: "no-such-user-61999") == nil)
        #expect(SystemAccounts.userName(of: 0) == "root")
        #expect(SystemAccounts.userName(of: 61_999) == nil)
        #expect(PeerCredentials.userName(of: 61_999) == "uid61999")
    }
}
