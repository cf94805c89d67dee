import DossierCore
import DossierStore
import Foundation

/// Writes the log a schema-1 daemon left behind: customers, and complaints filed as
/// `ComplaintFiled` schema 1 (`ComplaintFiledV1`) with a later event in the shape schema 1
/// wrote. `Tests/Fixtures/v1-log` holds its output, committed; the fixture tests check that
/// today's code verifies and replays it, and that this code still writes the same log, so the
/// committed bytes are known to come from here and not from a hand edit.
///
/// Deterministic: fixed ids, times and clock, so every run writes the same events and the
/// same head hash.
public enum V1LogFixture {
    /// The receiving day of every complaint, 2024-03-05 in any zone from UTC-4 to UTC+19.
    public static let receivedAt = Timestamp(iso8601: "2024-03-05T04:00:00Z")!
    public static let customers = [CustomerID(rawValue: "C-V1-1"), CustomerID(rawValue: "C-V1-2")]
    /// Numbered in schema 1's one pattern, `{unit}{yy}{MM}{dd}{running}`.
    public static let complaintNumbers = ["SH240305001", "SH240305002", "BJ240305001"].map(ComplaintNumber.init(rawValue:))

    /// Writes the fixture's log into the empty directory `path`, builds its projections, and
    /// returns its head.
    public static func write(to path: String) async throws -> LogHead {
        let clock = TestClock(Self.receivedAt)
        let store = try TestStore.open(at: path, clock: clock)
        do {
            var index = 0
            for (customer, name) in zip(Self.customers, ["Zhang San", "Acme Trading Ltd"]) {
                let registered = DomainEvent.customer(.registered(CustomerRegistered(
                    customer: customer, name: name, kind: index == 0 ? .individual : .corporate, stage: .prospect,
                    tier: .restricted)))
                try await Self.append(store, registered.typeName, 1, try registered.encodedPayload(), to: .customer(customer), &index)
            }
            for (offset, number) in Self.complaintNumbers.enumerated() {
                clock.advance(minutes: 10)
                let filed = ComplaintFiledV1(
                    number: number, customer: Self.customers[offset % 2], type: .service, channel: .phone, level: .l3,
                    subject: "card fee charged twice \(offset)", description: "charged on 1 and 2 March",
                    anonymous: false, indirect: false, unit: String(number.rawValue.prefix(2)),
                    receivedAt: Self.receivedAt.adding(minutes: offset), incidentAt: nil, receiver: "alice",
                    respondBy: Self.receivedAt.adding(minutes: 2 * 24 * 60),
                    resolveBy: Self.receivedAt.adding(minutes: 15 * 24 * 60))
                try await Self.append(
                    store, ComplaintFiled.typeName, 1, try DossierJSON.encode(filed), to: .complaint(number), &index)
            }
            // An event after the filing, so that replay folds an upcast complaint further.
            let acknowledged = #"{"number":"SH240305001","note":"called the customer back"}"#
            try await Self.append(
                store, "ComplaintAcknowledged", 1, Array(acknowledged.utf8), to: .complaint(Self.complaintNumbers[0]),
                &index)
            await store.shutdown()
        } catch {
            await store.shutdown()
            throw error
        }
        // The appends above are the log's alone; the tables are built as a daemon of this build
        // builds them from a log it did not write.
        let rebuilt = try TestStore.open(at: path, clock: clock) { $0.rebuildProjections = true }
        let head = try rebuilt.head()
        await rebuilt.shutdown()
        return head
    }

    private static func append(
        _ store: DossierStore, _ type: String, _ schema: UInt16, _ payload: [UInt8], to stream: StreamID,
        _ index: inout Int
    ) async throws {
        index += 1
        // Ids fixed by position, time-ordered as the daemon's own are.
        let id = UUID(uuidString: String(format: "0190e000-0000-7000-8000-%012d", index))!
        let event = PendingEvent(
            id: id, type: type, schemaVersion: schema, payload: payload, occurredAt: Self.receivedAt,
            actor: TestStore.actor, correlationID: nil, causationID: nil)
        _ = try await store.append([event], to: stream, expected: .any)
    }
}
