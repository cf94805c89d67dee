import DossierClient
import DossierCore
import DossierFoundation
import DossierProtocol
import DossierStore
import Foundation
import Synchronization

/// A power-cut test of the journal write path: a real `dossierd` runs a write workload with
/// its writes and flushes recorded (`PowerCutShim`); then, for each of many cut points, the
/// files are rebuilt as a power cut there would leave them (`PowerCutImage`), the store opens
/// on them (recovering as the daemon does), and every event answered before the cut must be
/// there at its sequence, the chain must verify, and no event may be there twice.
public struct PowerCutRun: Sendable {
    /// An answered write: its receipt, and when the client read the answer.
    public struct Answer: Sendable {
        public let sequence: UInt64
        public let eventID: UUID
        public let time: UInt64
    }

    public let trace: WriteTrace
    public let base: [[UInt8]]
    public let baseHead: UInt64
    public let answers: [Answer]
    public let sent: Int
    /// How the daemon's commits put their pages into data.mdb.
    public let pageWrites: DossierStore.JournalPageWrites

    /// The daemon's settings: the journal, with checkpoints often, so that the trace holds
    /// many of them, and a small map that grows during the run (with `map`, the shim follows
    /// the data file through the old mapping and the new).
    public static func configuration(pageWrites: DossierStore.JournalPageWrites) -> String {
        """
        [store]
        initial_map_size = "2MiB"
        durability = "full"
        write_path = "journal"
        journal_page_writes = "\(pageWrites.rawValue)"
        checkpoint_interval_ms = 20
        checkpoint_bytes = "64KiB"
        journal_segment_bytes = "1MiB"
        """
    }

    /// Starts a daemon on `directory` (one event written and stopped cleanly: the base
    /// files), then starts it again under the shim, runs `clients` connections each
    /// registering `writesPerClient` customers, and kills it (SIGKILL).
    public static func record(
        in directory: TemporaryDirectory, clients: Int, writesPerClient: Int, pageWrites: DossierStore.JournalPageWrites
    ) throws -> PowerCutRun {
        let config = directory.appending("dossierd.toml")
        try Data(Self.configuration(pageWrites: pageWrites).utf8).write(to: URL(fileURLWithPath: config))
        chmod(config, 0o600)
        let plain = DaemonProcess(directory: directory, extraArguments: ["--config", config])
        try plain.start()
        _ = try plain.connect().call(
            Method.registerCustomer, RegisterCustomerParams(id: "base", name: "Base", kind: .individual),
            as: CustomerResult.self)
        guard plain.stop() == 0 else { throw PowerCutError("the daemon did not stop cleanly: \(plain.log)") }
        let base = try PowerCutShim.files.map { name in
            [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: plain.dataDirectory + "/" + name))) ?? Data())
        }

        let library = try PowerCutShim.build(in: directory.path)
        let tracePath = directory.appending("writes.trace")
        let traced = DaemonProcess(
            directory: directory, extraArguments: ["--config", config],
            environment: PowerCutShim.environment(library: library, trace: tracePath))
        try traced.start()
        let answers = Mutex<[Answer]>([])
        let group = DispatchGroup()
        for client in 0..<clients {
            let connection = try traced.connect()
            nonisolated(unsafe) let unsafeConnection = connection
            group.enter()
            Thread {
                defer { group.leave() }
                for index in 0..<writesPerClient {
                    let params = RegisterCustomerParams(id: "p\(client)-\(index)", name: "Cut", kind: .individual)
                    guard let result = try? unsafeConnection.call(Method.registerCustomer, params, as: CustomerResult.self),
                        let receipt = result.receipt
                    else { continue }
                    let answer = Answer(sequence: receipt.sequence, eventID: receipt.eventId, time: MonotonicClock.now())
                    answers.withLock { $0.append(answer) }
                }
            }.start()
        }
        group.wait()
        traced.kill9()
        return PowerCutRun(
            trace: try WriteTrace(path: tracePath), base: base, baseHead: 1, answers: answers.withLock { $0 },
            sent: clients * writesPerClient, pageWrites: pageWrites)
    }

    /// Checks `points` cut points: the end of the trace, its start, and random ones drawn from
    /// `seed`. Blocks (it opens stores and flushes): call it on a thread of its own
    /// (`onThread`), not on the concurrency pool. Returns what failed and how many answers
    /// were checked in all.
    public func check(points: Int, seed: UInt64, directory: String) -> (failures: [String], answersChecked: Int) {
        var random = SplitMix64(seed: seed)
        let records = self.trace.records.count
        var failures: [String] = []
        var checked = 0
        for point in 0..<points {
            let cut = point == 0 ? records : point == 1 ? 0 : Int.random(in: 0...records, using: &random)
            checked += self.answered(before: cut)
            if let problem = self.check(cut: cut, random: &random, directory: directory) {
                failures.append("cut at record \(cut) of \(records): \(problem)")
            }
        }
        return (failures, checked)
    }

    /// Rebuilds the files at `cut` (records before it happened) into `directory`, opens the
    /// store on them and checks them. Returns what is wrong, nil when nothing is.
    public func check(cut: Int, random: inout some RandomNumberGenerator, directory: String) -> String? {
        let image = PowerCutImage(base: self.base, trace: self.trace, cut: cut, random: &random)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            try image.write(to: directory, names: PowerCutShim.files)
        } catch {
            return "writing the files: \(error)"
        }
        let cutTime = cut < self.trace.records.count ? self.trace.records[cut].time : UInt64.max
        let store: DossierStore
        do {
            store = try TestStore.open(at: directory) { configuration in
                configuration.durability = .full
                configuration.writePath = .journal
                configuration.journalPageWrites = self.pageWrites
            }
        } catch {
            return "the store does not open: \(error)"
        }
        let problem = self.inspect(store, cutTime: cutTime)
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await store.shutdown()
            stopped.signal()
        }
        stopped.wait()
        return problem
    }

    private func inspect(_ store: DossierStore, cutTime: UInt64) -> String? {
        do {
            let report = try store.verify()
            guard report.isIntact else { return "the chain does not verify: \(String(describing: report.failure))" }
            let head = try store.head().sequence
            guard head >= self.baseHead, head - self.baseHead <= UInt64(self.sent) else {
                return "head \(head): more events than were sent (\(self.sent) after \(self.baseHead))"
            }
            var lost = 0
            for answer in self.answers where answer.time < cutTime {
                if try store.event(id: answer.eventID)?.sequence != answer.sequence { lost += 1 }
            }
            guard lost == 0 else { return "\(lost) answered events lost (head \(head))" }
            let events = try store.readAll(from: self.baseHead + 1, limit: self.sent + 1)
            guard Set(events.map(\.stream)).count == events.count else { return "an event is in the log twice" }
        } catch {
            return "reading the store: \(error)"
        }
        return nil
    }

    /// How many answers came before `cut`.
    public func answered(before cut: Int) -> Int {
        let cutTime = cut < self.trace.records.count ? self.trace.records[cut].time : UInt64.max
        return self.answers.filter { $0.time < cutTime }.count
    }
}
