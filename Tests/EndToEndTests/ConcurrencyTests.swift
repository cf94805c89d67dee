import DossierChaos
import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Synchronization
import Testing

@Suite("Many clients at once, and kill -9")
struct ConcurrencyTests {
    /// Files `perClient` complaints from each of `clients` threads, each with its own connection;
    /// returns the acknowledged event ids.
    static func fileConcurrently(
        _ daemon: DaemonProcess, clients: Int, perClient: Int, stopOnError: Bool = false
    ) -> (acknowledged: Set<UUID>, errors: Int) {
        let acknowledged = Mutex(Set<UUID>())
        let errors = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            guard let connection = try? daemon.connect(timeoutSeconds: 60) else {
                errors.add(1, ordering: .relaxed)
                return
            }
            for index in 0..<perClient {
                let params = FileComplaintParams(
                    customer: "c1", type: .service, channel: .web, level: .l3, subject: "client \(client) #\(index)",
                    requestId: UUID())
                do {
                    let result = try connection.call(Method.fileComplaint, params, as: ComplaintResult.self)
                    if let receipt = result.receipt { _ = acknowledged.withLock { $0.insert(receipt.eventId) } }
                } catch {
                    errors.add(1, ordering: .relaxed)
                    if stopOnError { return }
                }
            }
        }
        return (acknowledged.withLock { $0 }, errors.load(ordering: .relaxed))
    }

    @Test func fiftyConcurrentClientsAllGetAnswersAndTheLogHoldsExactlyTheirEvents() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            _ = try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"])

            let (acknowledged, errors) = Self.fileConcurrently(daemon, clients: 50, perClient: 10)
            #expect(errors == 0)
            #expect(acknowledged.count == 500)

            let events = try LogAudit(reading: try daemon.connect()).events
            let filed = events.filter { $0.type == "ComplaintFiled" }
            #expect(filed.count == 500)
            #expect(Set(filed.map(\.id)) == acknowledged)
            #expect(events.map(\.sequence) == Array(1...UInt64(events.count)))
            #expect(try daemon.connect().call(Method.verify, NoParams(), as: VerifyResult.self).intact)
        }
    }

    @Test(arguments: 1...3)
    func killDashNineUnderLoadLosesNoAcknowledgedEvent(round: Int) async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            _ = try daemon.cli(["customer", "add", "c1", "--name", "Acme", "--kind", "corporate"])

            // Kill while 16 clients are writing, at a different moment each round.
            let killer = Thread {
                usleep(UInt32(50_000 * round))
                daemon.kill9()
            }
            killer.start()
            let (acknowledged, _) = Self.fileConcurrently(daemon, clients: 16, perClient: 1000, stopOnError: true)
            while daemon.isRunning { usleep(10_000) }
            #expect(!acknowledged.isEmpty, "the kill came before any write was acknowledged")

            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            let stored = Set(try LogAudit(reading: connection).events.filter { $0.type == "ComplaintFiled" }.map(\.id))
            #expect(acknowledged.isSubset(of: stored), "lost \(acknowledged.subtracting(stored).count) acknowledged events")
            #expect(try connection.call(Method.verify, NoParams(), as: VerifyResult.self).intact)
            // And it takes writes again.
            let params = FileComplaintParams(customer: "c1", type: .fees, channel: .app, level: .l4, subject: "after")
            #expect(try connection.call(Method.fileComplaint, params, as: ComplaintResult.self).receipt != nil)
        }
    }
}
