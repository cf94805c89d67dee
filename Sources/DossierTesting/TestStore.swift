import DossierCore
import DossierStore
import Foundation
import Logging

/// Opens DossierStores on temporary directories with a test clock and a quiet logger.
public enum TestStore {
    public static let actor = Actor(uid: 1000, user: "alice")

    public static func open(
        at path: String, clock: TestClock = TestClock(), policy: Policy = Policy(),
        configure: (inout DossierStore.Configuration) -> Void = { _ in }
    ) throws -> DossierStore {
        var configuration = DossierStore.Configuration(dataDirectory: path)
        configuration.durability = .none  // tests do not need fsync; crash tests use real daemons
        configure(&configuration)
        return try DossierStore(
            configuration: configuration, policy: policy, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: { clock.read() })
    }

    /// Runs `body` with a store on a fresh directory, shutting it down afterwards.
    public static func with<R>(
        clock: TestClock = TestClock(), policy: Policy = Policy(),
        configure: (inout DossierStore.Configuration) -> Void = { _ in },
        _ body: (DossierStore, TemporaryDirectory) async throws -> R
    ) async throws -> R {
        try await withTemporaryDirectory { directory in
            let store = try Self.open(at: directory.appending("data"), clock: clock, policy: policy, configure: configure)
            do {
                let result = try await body(store, directory)
                await store.shutdown()
                return result
            } catch {
                await store.shutdown()
                throw error
            }
        }
    }

    public static func register(_ store: DossierStore, _ id: String, name: String = "Acme Ltd") async throws -> CommandOutcome<CustomerState> {
        try await store.execute(
            RegisterCustomer(id: CustomerID(rawValue: id), name: name, kind: .corporate),
            metadata: CommandMetadata(actor: Self.actor))
    }

    /// A subject no other complaint of the test has: the same customer complaining twice about
    /// one subject is a duplicate (rejected at filing), and five customers a group incident.
    public static func distinctSubject() -> String { "card fees \(UUID().uuidString.prefix(8))" }

    /// Files a complaint of `customer`, about a subject of its own unless `subject` is given.
    public static func fileComplaint(
        _ store: DossierStore, customer: String, subject: String? = nil, level: ComplaintLevel = .l3,
        requestID: UUID? = nil
    ) async throws -> CommandOutcome<ComplaintState> {
        try await store.execute(
            
                FileComplaint(
                    customer: CustomerID(rawValue: customer), type: .service, channel: .phone, level: level,
                    subject: subject ?? Self.distinctSubject()),
            metadata: CommandMetadata(actor: Self.actor, requestID: requestID))
    }
}
