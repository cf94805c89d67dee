import DossierClient
import DossierProtocol
import Foundation
import Testing

@Suite("How the CLI reports failures")
struct ErrorReportTests {
    static let requestID = UUID(uuidString: "0199A4B2-7C3D-7E8F-9A0B-1C2D3E4F5A6B")!

    @Test func anInternalErrorShowsItsIncidentInText() throws {
        let error = WireError(
            code: .internal, message: "the daemon failed to handle the request; quote the incident id to the operator",
            details: ["incident": .string("1234-abcd")])
        let report = try #require(ErrorReport(error))
        #expect(
            report.text
                == "error: dossier.Internal: the daemon failed to handle the request; quote the incident id to the operator "
                + "(incident 1234-abcd)")
        #expect(report.exitStatus == 70)
        #expect(report.error == error)
    }

    @Test func aRuleViolationNamesItsRuleAndOtherDetailsStayInTheJSON() throws {
        let error = WireError(
            code: .ruleViolation, message: "customer c1 is already registered",
            details: ["rule": .string("customer.unique_id"), "customer": .string("c1")])
        let report = try #require(ErrorReport(error))
        #expect(report.text == "error: dossier.RuleViolation: customer c1 is already registered (rule customer.unique_id)")
        #expect(report.exitStatus == 65)
        #expect(try #require(ErrorReport(WireError(code: .notFound, message: "no c9"))).text == "error: dossier.NotFound: no c9")
    }

    @Test(arguments: [
        ("disk", "the disk of the daemon's data directory is full"),
        ("map", "the log reached its maximum size, store.max_map_size"),
        (nil, "the daemon's disk or its log (store.max_map_size) is full"),
    ] as [(String?, String)])
    func aFullStoreSaysWhatIsFull(reason: String?, explanation: String) throws {
        let error = WireError(
            code: .storageFull, message: "the log is full", details: reason.map { ["reason": .string($0)] })
        let report = try #require(ErrorReport(error))
        let lines = report.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: dossier.StorageFull: the log is full")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("dossier: \(explanation); nothing was appended.") == true, "\(report.text)")
        #expect(report.exitStatus == 74)
    }

    @Test func aClientFailureGetsAClientCode() throws {
        let report = try #require(ErrorReport(ClientError.connectionClosed))
        #expect(report.error.code.rawValue == "dossier.client.ConnectionClosed")
        #expect(report.text == "dossier: \(ClientError.connectionClosed)")
        #expect(report.exitStatus == 75)
    }

    @Test func anUnconfirmedWriteNamesItsRequestIdAndHowToRepeatIt() throws {
        let write = UnconfirmedWrite(requestID: Self.requestID, attempts: 1, lastFailure: ClientError.timedOut(seconds: 1))
        let report = try #require(ErrorReport(write))
        let id = "0199a4b2-7c3d-7e8f-9a0b-1c2d3e4f5a6b"
        #expect(report.exitStatus == 75)
        #expect(report.error.code.rawValue == "dossier.client.Timeout")
        #expect(report.error.details?["requestId"] == .string(id))
        #expect(report.error.details?["attempts"] == .number(1))
        let lines = report.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "dossier: \(ClientError.timedOut(seconds: 1))")
        #expect(lines.last?.contains("the write may have been applied: its request id is \(id)") == true)
        #expect(lines.last?.contains("--request-id \(id) is safe") == true)
    }

    @Test func anUnconfirmedWriteKeepsTheDaemonsLastAnswer() throws {
        let answer = WireError(code: .unavailable, message: "shutting down", details: ["x": .number(1)])
        let report = try #require(ErrorReport(UnconfirmedWrite(requestID: Self.requestID, attempts: 3, lastFailure: answer)))
        #expect(report.error.code == .unavailable)
        #expect(report.error.details?["x"] == .number(1))
        #expect(report.error.details?["attempts"] == .number(3))
        #expect(report.text.contains("(sent 3 times)"))
        #expect(report.exitStatus == 75)
    }

    @Test func otherErrorsAreNotReported() {
        #expect(ErrorReport(CocoaError(.fileNoSuchFile)) == nil)
    }
}
