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
        (.listCustomers, keys(ListCustomersParams(after: "a", limit: 1)), keys(ListCustomersParams())),
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
                requestId: UUID())),
            keys(FileComplaintParams(customer: "C-1", type: .fees, channel: .web, level: .l1, subject: "s"))
        ),
        (
            .showComplaint, keys(ComplaintNumberParams(number: "N", asOf: Timestamp(rawValue: 0))),
            keys(ComplaintNumberParams(number: "N"))
        ),
        (.listComplaints, keys(ListComplaintsParams(customer: "C", after: "a", limit: 1)), keys(ListComplaintsParams())),
        (.readLog, keys(ReadLogParams(stream: "s", from: 1, limit: 1)), keys(ReadLogParams())),
        (.hello, keys(NoParams()), keys(NoParams())),
        (.methods, keys(NoParams()), keys(NoParams())),
        (.head, keys(NoParams()), keys(NoParams())),
        (.verify, keys(NoParams()), keys(NoParams())),
        (.replay, keys(NoParams()), keys(NoParams())),
        (.backup, keys(BackupParams(path: "/b")), keys(BackupParams(path: "/b"))),
        (.status, keys(NoParams()), keys(NoParams())),
        (.metrics, keys(NoParams()), keys(NoParams())),
    ] + Self.creditParameterTable

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
