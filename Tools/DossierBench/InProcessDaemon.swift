import DossierCore
import DossierServer
import DossierStore
import Foundation
import Logging
import ServiceLifecycle

/// The real daemon code (store, writer, socket server) in this process, on a temporary
/// socket, durable by default: what clients measure is what `dossierd` does.
final class InProcessDaemon: Sendable {
    let store: DossierStore
    let socketPath: String
    let dataDirectory: String
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    init(
        directory: String, writePath: DossierStore.WritePath = .lmdb,
        journalPageWrites: DossierStore.JournalPageWrites = .write
    ) async throws {
        self.dataDirectory = directory + "/data"
        self.socketPath = directory + "/d.sock"
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        var storeConfiguration = DossierStore.Configuration(dataDirectory: self.dataDirectory)
        storeConfiguration.initialMapSize = 1 << 30
        storeConfiguration.writePath = writePath
        storeConfiguration.journalPageWrites = journalPageWrites
        // Six digits of complaint numbers a day: a fast write path files more than the
        // default 999 complaints in one unit and day during the complaint workload.
        var policy = Policy()
        policy.complaints.numberDigits = 6
        self.store = try DossierStore(configuration: storeConfiguration, policy: policy, logger: logger)
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let server = DossierServer(
            configuration: ServerConfiguration(socketPath: self.socketPath), store: self.store, version: "bench",
            logger: logger, onReady: { readyContinuation.yield() })
        self.group = ServiceGroup(services: [self.store, server], logger: logger)
        let group = self.group
        self.running = Task { try await group.run() }
        for await _ in ready { break }
    }

    func stop() async {
        await self.group.triggerGracefulShutdown()
        _ = try? await self.running.value
        await self.store.shutdown()
    }
}

/// Runs `body` on `count` dedicated threads (blocking socket clients must not occupy the
/// cooperative pool the server runs on) and waits for all of them.
func onThreads<R: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> R) async -> [R] {
    await withTaskGroup(of: R.self) { group in
        for index in 0..<count {
            group.addTask {
                await withCheckedContinuation { continuation in
                    let thread = Thread { continuation.resume(returning: body(index)) }
                    thread.stackSize = 1 << 20
                    thread.start()
                }
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
}
