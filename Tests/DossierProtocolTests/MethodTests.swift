import DossierCore
import DossierProtocol
import Foundation
import Testing

@Suite("Method")
struct MethodTests {
    @Test func namesAreUnique() {
        let names = Method.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: Method.all)
    func everyMethodIsCallableAndDescribed(method: Method) {
        #expect(!method.roles.isEmpty, "\(method.name)")
        #expect(Set(method.roles).count == method.roles.count, "\(method.name)")
        #expect(!method.summary.isEmpty)
        let parts = method.name.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 2 && parts.allSatisfy { !$0.isEmpty }, "\(method.name)")
        let parameterNames = method.parameters.map(\.name)
        #expect(Set(parameterNames).count == parameterNames.count, "\(method.name)")
    }

    @Test func everyoneMaySayHelloAndOnlyAuditorsVerify() {
        #expect(Set(Method.hello.roles) == Set(Role.allCases))
        #expect(Set(Method.methods.roles) == Set(Role.allCases))
        #expect(Set(Method.verify.roles) == [.auditor, .admin])
        #expect(!Method.registerCustomer.roles.contains(.viewer))
        #expect(!Method.fileComplaint.roles.contains(.auditor))
    }

    @Test func rolesOrderByPower() {
        #expect(Role.allCases.sorted() == [.viewer, .clerk, .approver, .auditor, .admin])
        #expect(Role.viewer < .admin)
    }

    @Test func methodsRoundTripOnTheWire() throws {
        let result = MethodsResult(methods: Method.all)
        #expect(try DossierJSON.decode(MethodsResult.self, from: DossierJSON.encode(result)) == result)
    }

    /// Each method with the keys of its params type on the wire: all of them, and the non-optional ones.
    static let parameterTable: [(Method, Set<String>, Set<String>)] = [
        (
            .registerCustomer,
            keys(RegisterCustomerParams(
                id: "C-1", name: "n", kind: .individual, stage: .active, tier: .gold, requestId: UUID())),
            keys(RegisterCustomerParams(id: "C-1", name: "n", kind: .individual))
        ),
        (
            .showCustomer, keys(CustomerIDParams(id: "C-1", asOf: Timestamp(rawValue: 0))),
            keys(CustomerIDParams(id: "C-1"))
        ),
        (
            .flagCustomer,
            keys(FlagCustomerParams(
                customer: "C-1", kind: .highDebtRatio, source: "bureau", detail: "d", observedOn: LocalDate("2024-03-01"),
                response: .warning, expectedVersion: .exact(3), requestId: UUID())),
            keys(FlagCustomerParams(customer: "C-1", kind: .highDebtRatio, source: "bureau"))
        ),
        (.listCustomers, keys(ListCustomersParams(after: "a", limit: 1, asOf: Timestamp(rawValue: 0))), keys(ListCustomersParams())),
        (
            .resolveFlag,
            keys(ResolveFlagParams(
                customer: "C-1", flag: 1, outcome: .settled, resolvedOn: LocalDate("2024-03-01"), note: "n",
                expectedVersion: .exact(3), requestId: UUID())),
            keys(ResolveFlagParams(customer: "C-1", flag: 1, outcome: .settled))
        ),
        (
            .fileComplaint,
            keys(FileComplaintParams(
                customer: "C-1", type: .fees, channel: .web, level: .l1, subject: "s", description: "d", anonymous: true,
                indirect: true, unit: "HQ", receivedAt: Timestamp(rawValue: 0), incidentAt: Timestamp(rawValue: 0),
                scope: .group, foreign: true, externalId: "X-1", claim: DecimalAmount("1"), requestId: UUID())),
            // The customer may be left out for an anonymous complaint.
            keys(FileComplaintParams(customer: nil, type: .fees, channel: .web, level: .l1, subject: "s"))
        ),
        (
            .showComplaint, keys(ComplaintNumberParams(number: "N", asOf: Timestamp(rawValue: 0))),
            keys(ComplaintNumberParams(number: "N"))
        ),
        (
            .listComplaints,
            keys(ListComplaintsParams(
                customer: "C", status: [.received], level: [.l1], type: [.fees], channel: [.web], owner: "o", unit: "HQ",
                dueBefore: Timestamp(rawValue: 0), dueToday: true, overdue: true, atRisk: true, breached: true, after: "a",
                limit: 1, asOf: Timestamp(rawValue: 0))),
            keys(ListComplaintsParams())
        ),
        (
            .reopenComplaint,
            keys(ReopenComplaintParams(number: "N", reason: "r", level: .l1, receivedAt: Timestamp(rawValue: 0), requestId: UUID())),
            keys(ReopenComplaintParams(number: "N", reason: "r"))
        ),
        (
            .complaintStatistics,
            keys(ComplaintStatisticsParams(
                month: "2026-11", from: LocalDate("2026-11-01"), to: LocalDate("2026-11-30"), asOf: Timestamp(rawValue: 0))),
            keys(ComplaintStatisticsParams())
        ),
        (.showIncident, keys(IncidentParams(id: "I", asOf: Timestamp(rawValue: 0))), keys(IncidentParams(id: "I"))),
        (
            .acknowledgeComplaint,
            keys(AcknowledgeComplaintParams(
                number: "x", note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(AcknowledgeComplaintParams(number: "x"))
        ),
        (
            .assignComplaint,
            keys(AssignComplaintParams(
                number: "x", to: "x", note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(AssignComplaintParams(number: "x", to: "x"))
        ),
        (
            .investigateComplaint,
            keys(InvestigateComplaintParams(
                number: "x", note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(InvestigateComplaintParams(number: "x"))
        ),
        (
            .temporaryMeasureComplaint,
            keys(TemporaryMeasureComplaintParams(
                number: "x", measure: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(TemporaryMeasureComplaintParams(number: "x", measure: "x"))
        ),
        (
            .resolveComplaint,
            keys(ResolveComplaintParams(
                number: "x", result: "x", satisfaction: .satisfied, expectedVersion: .exact(1), requestId: UUID())),
            keys(ResolveComplaintParams(number: "x", result: "x"))
        ),
        (
            .revisitComplaint,
            keys(RevisitComplaintParams(
                number: "x", satisfaction: .satisfied, note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(RevisitComplaintParams(number: "x", satisfaction: .satisfied))
        ),
        (
            .closeComplaint,
            keys(CloseComplaintParams(
                number: "x", note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(CloseComplaintParams(number: "x"))
        ),
        (
            .rejectComplaint,
            keys(RejectComplaintParams(
                number: "x", rule: .unverifiable, note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(RejectComplaintParams(number: "x", rule: .unverifiable, note: "x"))
        ),
        (
            .escalateComplaint,
            keys(EscalateComplaintParams(
                number: "x", level: .l1, reason: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(EscalateComplaintParams(number: "x", level: .l1, reason: "x"))
        ),
        (
            .requestExtensionComplaint,
            keys(RequestExtensionComplaintParams(
                number: "x", reason: "x", customerConsent: true, until: Timestamp(rawValue: 0), expectedVersion: .exact(1), requestId: UUID())),
            keys(RequestExtensionComplaintParams(number: "x", reason: "x", customerConsent: true, until: Timestamp(rawValue: 0)))
        ),
        (
            .decideExtensionComplaint,
            keys(DecideExtensionComplaintParams(
                number: "x", grant: true, note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(DecideExtensionComplaintParams(number: "x", grant: true))
        ),
        (
            .withdrawComplaint,
            keys(WithdrawComplaintParams(
                number: "x", reason: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(WithdrawComplaintParams(number: "x"))
        ),
        (
            .returnComplaint,
            keys(ReturnComplaintParams(
                number: "x", reason: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(ReturnComplaintParams(number: "x", reason: "x"))
        ),
        (
            .pauseComplaint,
            keys(PauseComplaintParams(
                number: "x", reason: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(PauseComplaintParams(number: "x", reason: "x"))
        ),
        (
            .resumeComplaint,
            keys(ResumeComplaintParams(
                number: "x", note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(ResumeComplaintParams(number: "x"))
        ),
        (
            .eightDComplaint,
            keys(EightDComplaintParams(
                number: "x", step: .d3, owner: "x", on: LocalDate("2024-03-01"), text: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(EightDComplaintParams(number: "x", step: .d3, owner: "x", text: "x"))
        ),
        (
            .recordOutcomeComplaint,
            keys(RecordOutcomeComplaintParams(
                number: "x", responsibility: .ours, ourSharePercent: 1, loss: DecimalAmount(hundredths: 100), note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(RecordOutcomeComplaintParams(number: "x", responsibility: .ours))
        ),
        (
            .proposeCompensationComplaint,
            keys(ProposeCompensationComplaintParams(
                number: "x", kind: .payment, amount: DecimalAmount(hundredths: 100), note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(ProposeCompensationComplaintParams(number: "x", kind: .payment, amount: DecimalAmount(hundredths: 100)))
        ),
        (
            .decideCompensationComplaint,
            keys(DecideCompensationComplaintParams(
                number: "x", approve: true, note: "x", expectedVersion: .exact(1), requestId: UUID())),
            keys(DecideCompensationComplaintParams(number: "x", approve: true))
        ),
        (.readLog, keys(ReadLogParams(stream: "s", from: 1, limit: 1)), keys(ReadLogParams())),
        (.hello, keys(NoParams()), keys(NoParams())),
        (.methods, keys(NoParams()), keys(NoParams())),
        (.head, keys(NoParams()), keys(NoParams())),
        (.verify, keys(VerifyParams(against: "1:00")), keys(VerifyParams())),
        (.treeHead, keys(TreeHeadParams(size: 3)), keys(TreeHeadParams())),
        (.follow, keys(FollowParams(from: 1, batch: 10, heartbeatSeconds: 5)), keys(FollowParams())),
        (.proveInclusion, keys(InclusionProofParams(sequence: 1, size: 3)), keys(InclusionProofParams(sequence: 1))),
        (
            .proveConsistency, keys(ConsistencyProofParams(oldSize: 1, size: 3)),
            keys(ConsistencyProofParams(oldSize: 1))
        ),
        (.replay, keys(NoParams()), keys(NoParams())),
        (.backup, keys(BackupParams(path: "/b")), keys(BackupParams(path: "/b"))),
        (.status, keys(NoParams()), keys(NoParams())),
        (.metrics, keys(NoParams()), keys(NoParams())),
    ] + Self.creditParameterTable + Self.importParameterTable

    /// The parameters a method documents are the keys its params type has on the wire, and the
    /// required ones are the non-optional ones.
    @Test(arguments: parameterTable)
    func documentedParametersMatchTheParamsType(method: Method, allKeys: Set<String>, requiredKeys: Set<String>) {
        #expect(Set(method.parameters.map(\.name)) == allKeys, "\(method.name)")
        #expect(Set(method.parameters.filter(\.required).map(\.name)) == requiredKeys, "\(method.name)")
    }

    @Test func parameterTableCoversEveryMethod() {
        #expect(Set(Self.parameterTable.map { $0.0.name }) == Set(Method.all.map(\.name)))
    }
}

/// The top-level keys `value` encodes to.
func keys(_ value: some Encodable) -> Set<String> {
    guard let bytes = try? DossierJSON.encode(value),
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    else { return ["<not an object>"] }
    return Set(object.keys)
}
