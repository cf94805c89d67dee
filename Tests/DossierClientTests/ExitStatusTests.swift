import DossierClient
import DossierProtocol
import Testing

@Suite("The exit-code map")
struct ExitStatusTests {
    @Test(arguments: [
        (ErrorCode.badRequest, 65), (.unknownMethod, 65), (.notFound, 65), (.wrongExpectedVersion, 65),
        (.ruleViolation, 65), (.lineTooLong, 65), (ErrorCode(rawValue: "dossier.SomethingNew"), 65),
        (.forbidden, 77), (.internal, 70), (.storageFull, 74), (.unavailable, 75),
    ] as [(ErrorCode, Int32)])
    func everyWireCodeHasItsStatus(code: ErrorCode, status: Int32) {
        #expect(ExitStatus.forError(WireError(code: code, message: "m")) == status)
    }

    @Test(arguments: [
        (ClientError.unreachable(socketPath: "/s", reason: "r"), 69),
        (.untrustedServer(socketPath: "/s", server: PeerCredentials(pid: 1, uid: 5, gid: 5), trusted: []), 69),
        (.timedOut(seconds: 1), 75), (.connectionClosed, 75), (.malformedReply("x"), 70),
    ] as [(ClientError, Int32)])
    func everyClientFailureHasItsStatus(error: ClientError, status: Int32) {
        #expect(ExitStatus.forError(error) == status)
    }
}
