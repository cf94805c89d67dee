import DossierCore
import DossierProtocol
import Foundation
import Testing

@Suite("Messages")
struct MessagesTests {
    func params<P: Decodable>(_ type: P.Type, _ line: String) throws -> P? {
        try DossierJSON.decode(ParamsEnvelope<P>.self, from: Array(line.utf8)).params
    }

    @Test func fileComplaintParamsDecodeFromARequestLine() throws {
        let line = #"""
            {"id":9,"method":"complaint.file","params":{"customer":"C-001","type":"quality","channel":"phone","level":"L1","subject":"debit card","description":"chip fails","anonymous":true,"indirect":false,"unit":"SH","receivedAt":"2024-03-01T10:00:00+08:00","incidentAt":"2024-02-28T09:30:00.250Z","requestId":"6F9619FF-8B86-D011-B42D-00C04FC964FF"}}
            """#
        let decoded = try #require(try params(FileComplaintParams.self, line))
        #expect(decoded.customer == "C-001")
        #expect(decoded.type == .quality)
        #expect(decoded.channel == .phone)
        #expect(decoded.level == .l1)
        #expect(decoded.subject == "debit card")
        #expect(decoded.description == "chip fails")
        #expect(decoded.anonymous == true)
        #expect(decoded.indirect == false)
        #expect(decoded.unit == "SH")
        #expect(decoded.receivedAt == Timestamp(iso8601: "2024-03-01T02:00:00Z"))
        #expect(decoded.receivedAt?.millisecondsSince1970 == 1_709_258_400_000)
        #expect(decoded.incidentAt == Timestamp(iso8601: "2024-02-28T09:30:00.250Z"))
        #expect(decoded.requestId == UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF"))
    }

    @Test func optionalFileComplaintParamsMayBeLeftOut() throws {
        let line = #"{"method":"complaint.file","params":{"customer":"C-001","type":"fees","channel":"web","level":"L4","subject":"s"}}"#
        let decoded = try #require(try params(FileComplaintParams.self, line))
        #expect(decoded == FileComplaintParams(customer: "C-001", type: .fees, channel: .web, level: .l4, subject: "s"))
    }

    @Test func snakeCaseKeysAreNotTheWireNames() throws {
        let line = #"{"method":"complaint.file","params":{"customer":"C","type":"fees","channel":"web","level":"L4","subject":"s","received_at":"2024-03-01T00:00:00Z"}}"#
        #expect(try params(FileComplaintParams.self, line)?.receivedAt == nil)
    }

    @Test(arguments: [
        #"{"customer":"C","type":"fees","channel":"web","level":"L5","subject":"s"}"#,
        #"{"customer":"C","type":"complaint","channel":"web","level":"L1","subject":"s"}"#,
        #"{"customer":"C","type":"fees","channel":"email","level":"L1","subject":"s"}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"l1","subject":"s"}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"L1"}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"L1","subject":"s","claim":12.5}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"L1","subject":"s","receivedAt":"2024-03-01 10:00"}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"L1","subject":"s","receivedAt":1709258400000}"#,
        #"{"customer":"C","type":"fees","channel":"web","level":"L1","subject":"s","requestId":"not-a-uuid"}"#,
        #"{"customer":7,"type":"fees","channel":"web","level":"L1","subject":"s"}"#,
    ])
    func invalidFileComplaintParamsFail(paramsJSON: String) {
        #expect(throws: DecodingError.self) {
            try params(FileComplaintParams.self, #"{"method":"complaint.file","params":"# + paramsJSON + "}")
        }
    }

    @Test func registerCustomerParamsDecode() throws {
        let line = #"{"id":1,"method":"customer.register","params":{"id":"C-9","name":"Wu","kind":"corporate","tier":"exit"}}"#
        let decoded = try #require(try params(RegisterCustomerParams.self, line))
        #expect(decoded == RegisterCustomerParams(id: "C-9", name: "Wu", kind: .corporate, stage: nil, tier: .exit))
    }

    @Test func resultsRoundTrip() throws {
        let customer = CustomerState(
            id: CustomerID(rawValue: "C-1"), name: "Wu", kind: .individual, stage: .key, tier: .focus,
            registeredAt: Timestamp(rawValue: 1_709_258_400_000), version: 3)
        let receipt = AppendReceipt(sequence: 12, eventId: UUID(), deduplicated: false)
        let customerResult = CustomerResult(customer: customer, receipt: receipt)
        #expect(try DossierJSON.decode(CustomerResult.self, from: DossierJSON.encode(customerResult)) == customerResult)

        let page = CustomersResult(customers: [customer], next: "C-1")
        #expect(try DossierJSON.decode(CustomersResult.self, from: DossierJSON.encode(page)) == page)

        let hello = HelloResult(
            server: "dossierd", version: "0.1.0", protocolVersion: 1, serverUid: 998, uid: 1000, user: "u", role: nil)
        #expect(try DossierJSON.decode(HelloResult.self, from: DossierJSON.encode(hello)) == hello)

        let verify = VerifyResult(
            intact: true, events: 3, head: HeadResult(sequence: 3, hash: "aa"), storedHead: HeadResult(sequence: 3, hash: "aa"),
            failure: nil)
        #expect(try DossierJSON.decode(VerifyResult.self, from: DossierJSON.encode(verify)) == verify)
    }

    @Test func eventViewUsesCamelCaseWireNames() throws {
        let view = EventView(
            sequence: 1, id: UUID(), stream: "customer-C-1", version: 1, type: "CustomerRegistered", schemaVersion: 1,
            occurredAt: Timestamp(rawValue: 0), recordedAt: Timestamp(rawValue: 1), actor: Actor(uid: 1000, user: "u"),
            correlationId: UUID(), causationId: nil, data: .object(["name": .string("Wu")]), hash: "00ff")
        let bytes = try DossierJSON.encode(view)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["sequence", "id", "stream", "version", "type", "schemaVersion", "occurredAt", "recordedAt", "actor",
                    "correlationId", "data", "hash"])
        #expect(object["occurredAt"] as? String == "1970-01-01T00:00:00.000Z")
        #expect(try DossierJSON.decode(EventView.self, from: bytes) == view)
    }
}
