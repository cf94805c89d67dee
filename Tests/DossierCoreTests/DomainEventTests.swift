import DossierCore
import Foundation
import Testing

@Suite("DomainEvent")
struct DomainEventTests {
    static let registered = CustomerRegistered(
        customer: CustomerID(rawValue: "C-001"), name: "张三 \"Zhang\" / San", kind: .individual, stage: .prospect,
        tier: .restricted)

    static func filed(incidentAt: Timestamp?) throws -> ComplaintFiled {
        try ComplaintDecisions.file(
            FileComplaint(
                customer: CustomerID(rawValue: "C-001"), type: .quality, channel: .web, level: .l4, subject: "卡片",
                description: "line one\nline two", anonymous: true, indirect: false, unit: "SH",
                receivedAt: try instant("2024-03-01T09:00:00.250+08:00"), incidentAt: incidentAt),
            context: .init(
                customer: registeredCustomer(), lastRunningNumber: 0, receiver: clerk,
                now: try instant("2024-03-01T10:00:00+08:00")),
            policy: Policy())
    }

    static func allEvents() throws -> [DomainEvent] {
        [
            .customer(.registered(Self.registered)),
            .complaint(.filed(try Self.filed(incidentAt: nil))),
            .complaint(.filed(try Self.filed(incidentAt: try instant("2024-02-01T00:00:00Z")))),
        ]
    }

    @Test func namesAndSchemaVersions() throws {
        #expect(CustomerRegistered.typeName == "CustomerRegistered")
        #expect(ComplaintFiled.typeName == "ComplaintFiled")
        #expect(DomainEvent.customer(.registered(Self.registered)).typeName == "CustomerRegistered")
        #expect(DomainEvent.complaint(.filed(try Self.filed(incidentAt: nil))).typeName == "ComplaintFiled")
        for event in try Self.allEvents() {
            // ComplaintFiled 2 added anonymous complaints, the deadline basis and more.
            #expect(event.schemaVersion == (event.typeName == "ComplaintFiled" ? 2 : 1))
        }
    }

    @Test func payloadRoundTrips() throws {
        for event in try Self.allEvents() {
            let bytes = try event.encodedPayload()
            let decoded = try DomainEvent.decode(type: event.typeName, schemaVersion: event.schemaVersion, payload: bytes)
            #expect(decoded == event)
            // Encoding is deterministic: the same value gives the same bytes.
            #expect(try decoded.encodedPayload() == bytes)
        }
    }

    @Test func decodesFromARecordedEvent() throws {
        let event = DomainEvent.customer(.registered(Self.registered))
        let recorded = RecordedEvent(
            sequence: 1, id: UUID(), stream: .customer(Self.registered.customer), version: 1, type: event.typeName,
            schemaVersion: event.schemaVersion, occurredAt: try instant("2024-03-01T00:00:00Z"),
            recordedAt: try instant("2024-03-01T00:00:00Z"), actor: clerk, correlationID: nil, causationID: nil,
            payload: try event.encodedPayload(), hash: [])
        #expect(try DomainEvent.decode(recorded) == event)
    }

    @Test func payloadIsJSONWithSortedKeysAndRFC3339Times() throws {
        let filed = try Self.filed(incidentAt: nil)
        let bytes = try DomainEvent.complaint(.filed(filed)).encodedPayload()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["number"] as? String == "SH240301001")
        #expect(object["receivedAt"] as? String == "2024-03-01T01:00:00.250Z")
        #expect(object["level"] as? String == "L4")
        #expect(object["incidentAt"] == nil)
        #expect(object["receiver"] as? String == "wang.li")
        let text = String(decoding: bytes, as: UTF8.self)
        let keys = ["anonymous", "basis", "channel", "closeBy", "customer", "description", "foreign", "indirect", "level",
            "number", "receivedAt", "receiver", "resolveBy", "respondBy", "running", "scope", "series", "subject", "type",
            "unit"]
        #expect(Set(object.keys) == Set(keys))
        // `level` is also a key of the nested `basis`, which comes first.
        let topLevel = keys.filter { $0 != "level" }
        let positions = topLevel.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == topLevel.count)
        #expect(positions == positions.sorted())
    }

    @Test func olderSchemaVersionsStillDecode() throws {
        let event = DomainEvent.customer(.registered(Self.registered))
        #expect(try DomainEvent.decode(type: event.typeName, schemaVersion: 0, payload: event.encodedPayload()) == event)
    }

    @Test func unknownTypeIsRefused() throws {
        let payload = try DomainEvent.customer(.registered(Self.registered)).encodedPayload()
        #expect(throws: EventDecodingError.unknownType("CustomerDeleted")) {
            try DomainEvent.decode(type: "CustomerDeleted", schemaVersion: 1, payload: payload)
        }
        #expect(throws: EventDecodingError.unknownType("customerregistered")) {
            try DomainEvent.decode(type: "customerregistered", schemaVersion: 1, payload: payload)
        }
    }

    @Test func newerSchemaIsRefused() throws {
        let payload = try DomainEvent.complaint(.filed(try Self.filed(incidentAt: nil))).encodedPayload()
        #expect(throws: EventDecodingError.newerSchema(type: "ComplaintFiled", stored: 3, supported: 2)) {
            try DomainEvent.decode(type: "ComplaintFiled", schemaVersion: 3, payload: payload)
        }
        #expect(
            EventDecodingError.newerSchema(type: "ComplaintFiled", stored: 3, supported: 2).description
                == "ComplaintFiled has schema 3, this build reads up to 2")
        #expect(EventDecodingError.unknownType("X").description == "unknown event type X")
    }

    @Test(arguments: [
        "", "{}", "[]", "not json", #"{"customer":"C-001","name":"x","kind":"alien","stage":"prospect","tier":"gold"}"#,
    ])
    func malformedPayloadIsADecodingError(payload: String) {
        #expect(throws: DecodingError.self) {
            try DomainEvent.decode(type: "CustomerRegistered", schemaVersion: 1, payload: Array(payload.utf8))
        }
    }

    @Test func payloadOfTheWrongTypeDoesNotDecode() throws {
        let payload = try DomainEvent.customer(.registered(Self.registered)).encodedPayload()
        #expect(throws: DecodingError.self) {
            try DomainEvent.decode(type: "ComplaintFiled", schemaVersion: 1, payload: payload)
        }
    }

    @Test func streamNames() {
        #expect(StreamID.customer(CustomerID(rawValue: "42")).rawValue == "customer-42")
        #expect(StreamID.complaint(ComplaintNumber(rawValue: "HQ241124001")).description == "complaint-HQ241124001")
    }
}
