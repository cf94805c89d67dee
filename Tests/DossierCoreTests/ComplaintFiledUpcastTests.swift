import DossierCore
import Foundation
import Testing

/// `ComplaintFiled` schema 1 read through today's code: the upcaster fills what schema 2 added
/// with what schema 1 implied, reads the running count back from the number, and refuses what
/// it cannot carry over, naming the event type and schema.
@Suite("ComplaintFiled schema 1 upcast to schema 2")
struct ComplaintFiledUpcastTests {
    static func v1(number: String) -> ComplaintFiledV1 {
        ComplaintFiledV1(
            number: ComplaintNumber(rawValue: number), customer: CustomerID(rawValue: "C-1"), type: .service,
            channel: .phone, level: .l3, subject: "fee charged twice", description: "on 1 and 2 March", anonymous: false,
            indirect: true, unit: "SH", receivedAt: Timestamp(iso8601: "2024-03-05T04:00:00Z")!, incidentAt: nil,
            receiver: "alice", respondBy: Timestamp(iso8601: "2024-03-07T04:00:00Z")!,
            resolveBy: Timestamp(iso8601: "2024-03-20T04:00:00Z")!)
    }

    static func decode(_ old: ComplaintFiledV1, schema: UInt16 = 1) throws -> ComplaintFiled {
        let event = try DomainEvent.decode(type: "ComplaintFiled", schemaVersion: schema, payload: try DossierJSON.encode(old))
        guard case .complaint(.filed(let filed)) = event else {
            Issue.record("decoded \(event), not a filing")
            throw CancellationError()
        }
        return filed
    }

    @Test func schemaOneKeepsEveryFieldItHadAndImpliesTheRest() throws {
        let old = Self.v1(number: "SH240305012")
        let filed = try Self.decode(old)
        #expect(filed.number == old.number && filed.customer == old.customer && filed.subject == old.subject)
        #expect(filed.description == old.description && filed.indirect && filed.unit == "SH")
        #expect(filed.receivedAt == old.receivedAt && filed.respondBy == old.respondBy && filed.resolveBy == old.resolveBy)
        #expect(filed.receiver == "alice")
        #expect(filed.scope == .individual && filed.foreign == false)
        #expect(filed.externalId == nil && filed.claim == nil && filed.reopenedFrom == nil && filed.basis == nil)
        #expect(filed.temporaryMeasureBy == nil && filed.closeBy == nil)
    }

    /// Numbering continues after an upgrade only if the count a schema-1 number belongs to is
    /// the one today's default numbering names for that unit and day.
    @Test(arguments: [("SH240305012", "SH/2024-03-05", 12), ("HQ261202001", "HQ/2026-12-02", 1), ("BJ2403059999", "BJ/2024-03-05", 9_999)])
    func theRunningCountIsReadBackFromTheNumber(number: String, series: String, running: Int) throws {
        let filed = try Self.decode(Self.v1(number: number))
        #expect(filed.series == series)
        #expect(filed.running == running)
        let day = LocalDate(year: 2000 + Int(number.dropFirst(2).prefix(2))!, month: Int(number.dropFirst(4).prefix(2))!,
                            day: Int(number.dropFirst(6).prefix(2))!)!
        #expect(ComplaintPolicy().numberingSeries(unit: String(number.prefix(2)), day: day) == series)
    }

    @Test(arguments: ["240305001", "SH2403", "SH24030500x", "sh240305001", "SH２４0305001"])
    func aNumberOffSchemaOnesPatternIsRefusedByName(number: String) throws {
        #expect {
            try Self.decode(Self.v1(number: number))
        } throws: { error in
            guard case .cannotUpcast(let type, let stored, let reason) = error as? EventDecodingError else { return false }
            return type == "ComplaintFiled" && stored == 1 && reason.contains(number)
        }
    }

    @Test func schemaTwoIsReadAsWritten() throws {
        let filed = try Self.decode(Self.v1(number: "SH240305012"))
        let again = try DomainEvent.decode(type: "ComplaintFiled", schemaVersion: 2, payload: try DossierJSON.encode(filed))
        #expect(again == .complaint(.filed(filed)))
    }

    /// Schema 2 requires what schema 1 lacked: a schema-1 payload stored under 2 is an error,
    /// not a complaint with invented fields.
    @Test func aSchemaOnePayloadLabelledTwoIsAnError() throws {
        #expect(throws: DecodingError.self) { try Self.decode(Self.v1(number: "SH240305012"), schema: 2) }
    }

    @Test func aNewerSchemaIsRefused() throws {
        #expect(throws: EventDecodingError.newerSchema(type: "ComplaintFiled", stored: 3, supported: 2)) {
            try Self.decode(Self.v1(number: "SH240305012"), schema: 3)
        }
    }
}
