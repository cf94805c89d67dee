import DossierCore
import Foundation
import Testing

@Suite("State folds")
struct StateFoldTests {
    static let registered = CustomerRegistered(
        customer: CustomerID(rawValue: "C-001"), name: "Zhang San", kind: .individual, stage: .active, tier: .gold)

    static func filed() throws -> ComplaintFiled {
        try ComplaintDecisions.file(
            FileComplaint(
                customer: CustomerID(rawValue: "C-001"), type: .service, channel: .counter, level: .l3,
                subject: "queue", description: "waited 2 hours", anonymous: false, indirect: false,
                receivedAt: try instant("2024-03-01T09:00:00+08:00"), incidentAt: try instant("2024-03-01T07:00:00+08:00")
            ),
            context: .init(
                customer: registeredCustomer(), lastRunningNumber: 6, receiver: clerk,
                now: try instant("2024-03-01T10:00:00+08:00")),
            policy: Policy())
    }

    static func metadata(version: UInt64, occurredAt: String, actor: Actor = clerk) throws -> EventMetadata {
        EventMetadata(
            sequence: 10 + version, version: version, occurredAt: try instant(occurredAt),
            recordedAt: try instant("2024-03-05T00:00:00Z"), actor: actor)
    }

    @Test func customerRegistrationOpensTheState() throws {
        let state = CustomerState.apply(
            nil, .customer(.registered(Self.registered)), at: try Self.metadata(version: 1, occurredAt: "2024-03-01T01:02:03Z"))
        #expect(
            state
                == CustomerState(
                    id: CustomerID(rawValue: "C-001"), name: "Zhang San", kind: .individual, stage: .active, tier: .gold,
                    registeredAt: try instant("2024-03-01T01:02:03Z"), version: 1))
    }

    @Test func customerFoldIgnoresOtherEvents() throws {
        let state = registeredCustomer()
        let metadata = try Self.metadata(version: 2, occurredAt: "2024-03-02T00:00:00Z")
        #expect(CustomerState.apply(state, .complaint(.filed(try Self.filed())), at: metadata) == state)
        #expect(CustomerState.apply(nil, .complaint(.filed(try Self.filed())), at: metadata) == nil)
    }

    @Test func complaintFilingOpensTheState() throws {
        let filed = try Self.filed()
        let filer = Actor(uid: 1002, user: "chen.jing")
        let state = try #require(
            ComplaintState.apply(
                nil, .complaint(.filed(filed)), at: try Self.metadata(version: 1, occurredAt: "2024-03-01T01:00:00Z", actor: filer)))
        #expect(state.number == ComplaintNumber(rawValue: "HQ240301007"))
        #expect(state.number == filed.number)
        #expect(state.customer == filed.customer)
        #expect(state.type == .service)
        #expect(state.channel == .counter)
        #expect(state.level == .l3)
        #expect(state.subject == "queue")
        #expect(state.description == "waited 2 hours")
        #expect(!state.anonymous)
        #expect(!state.indirect)
        #expect(state.unit == "HQ")
        #expect(state.status == .received)
        #expect(state.owner == "wang.li")
        #expect(state.receivedAt == filed.receivedAt)
        #expect(state.incidentAt == filed.incidentAt)
        #expect(state.respondBy == filed.respondBy)
        #expect(state.resolveBy == filed.resolveBy)
        #expect(state.filedBy == filer)
        #expect(state.version == 1)
    }

    @Test func complaintFoldIgnoresOtherEvents() throws {
        let filed = try Self.filed()
        let metadata = try Self.metadata(version: 1, occurredAt: "2024-03-01T01:00:00Z")
        let state = ComplaintState.apply(nil, .complaint(.filed(filed)), at: metadata)
        let later = try Self.metadata(version: 2, occurredAt: "2024-03-02T00:00:00Z")
        #expect(ComplaintState.apply(state, .customer(.registered(Self.registered)), at: later) == state)
        #expect(ComplaintState.apply(nil, .customer(.registered(Self.registered)), at: later) == nil)
    }

    @Test func metadataFromARecordedEvent() throws {
        let recorded = RecordedEvent(
            sequence: 5, id: .init(), stream: .customer(CustomerID(rawValue: "C-001")), version: 2,
            type: CustomerRegistered.typeName, schemaVersion: 1, occurredAt: try instant("2024-03-01T00:00:00Z"),
            recordedAt: try instant("2024-03-01T00:00:01Z"), actor: clerk, correlationID: nil, causationID: nil,
            payload: [], hash: [])
        #expect(
            EventMetadata(recorded)
                == EventMetadata(
                    sequence: 5, version: 2, occurredAt: try instant("2024-03-01T00:00:00Z"),
                    recordedAt: try instant("2024-03-01T00:00:01Z"), actor: clerk))
    }
}
