import DossierCore
import DossierStore
import Foundation
import Logging

/// Restart time with a long journal tail: `restartEvents` events are written with the
/// journal and no checkpoint after the store's start, and the store is opened on the data file
/// as the start left it plus the journal, as after a power cut: it applies every one of them
/// again before it serves.
struct JournalRestartWorkload {
    let configuration: BenchConfiguration
    static let metadata = CommandMetadata(actor: Actor(uid: 5003, user: "bench-restart"))

    func run() async throws -> (seconds: Double, note: String) {
        let root = "\(self.configuration.scratchDirectory)/dossier-bench-restart-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        var settings = DossierStore.Configuration(dataDirectory: root + "/data")
        settings.initialMapSize = 1 << 30
        settings.writePath = .journal
        settings.journalPageWrites = self.configuration.journalPageWrites
        // No checkpoint while the events are written: the whole tail is the journal's.
        settings.checkpointBytes = 1 << 40
        settings.checkpointIntervalMilliseconds = 3_600_000
        settings.checkpointGrowthBytes = 1 << 40
        settings.journalSegmentBytes = 1 << 32
        let store = try DossierStore(configuration: settings, logger: logger)
        try Self.copy("data.mdb", from: root + "/data", to: root + "/cut")

        let tasks = 64
        let events = self.configuration.restartEvents
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in stride(from: task, to: events, by: tasks) {
                        _ = try await store.execute(
                            RegisterCustomer(
                                id: CustomerID(rawValue: "R\(index)"), name: "Restart \(index)", kind: .individual),
                            metadata: Self.metadata)
                    }
                }
            }
            try await group.waitForAll()
        }
        let head = try store.head()
        try Self.copy("journal.wal", from: root + "/data", to: root + "/cut")
        let journalBytes = (try? FileManager.default.attributesOfItem(atPath: root + "/cut/journal.wal")[.size] as? NSNumber)?
            .intValue ?? 0
        await store.shutdown()

        settings.dataDirectory = root + "/cut"
        let started = Date()
        let reopened = try DossierStore(configuration: settings, logger: logger)
        let seconds = Date().timeIntervalSince(started)
        let recovered = try reopened.head()
        await reopened.shutdown()
        guard recovered == head else {
            throw BenchError.failed("the restart recovered head \(recovered.sequence), not \(head.sequence)")
        }
        return (
            seconds,
            "\(head.sequence) journal events (\(journalBytes / 1_048_576) MiB) applied again before serving"
        )
    }

    static func copy(_ name: String, from source: String, to target: String) throws {
        try FileManager.default.createDirectory(
            atPath: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: source + "/" + name, toPath: target + "/" + name)
        chmod(target + "/" + name, 0o600)
    }
}
