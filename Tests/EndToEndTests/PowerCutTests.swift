import DossierChaos
import DossierStore
import DossierTesting
import Foundation
import Testing

/// The journal write path under power cuts (issue 15): every write and flush of a real daemon
/// is recorded, and the files are rebuilt as a cut at random points would leave them (only
/// flushed writes certain, the others there, missing or torn). At each point the store must
/// open, hold every event answered before the cut at its sequence, verify, and hold no event
/// twice. `POWERCUT_POINTS` (default 30), `POWERCUT_WRITES` (per client, default 40) and
/// `POWERCUT_SEED` set the run; docs/FUZZING.md
/// gives a large run's figures.
@Suite("Power cuts on the journal write path", .timeLimit(.minutes(2)))
struct PowerCutTests {
    static var points: Int { ProcessInfo.processInfo.environment["POWERCUT_POINTS"].flatMap(Int.init) ?? 30 }
    /// Registrations per client (four clients); more give a longer trace.
    static var writesPerClient: Int { ProcessInfo.processInfo.environment["POWERCUT_WRITES"].flatMap(Int.init) ?? 40 }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["POWERCUT_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
    }

    /// Both ways of putting LMDB's pages into data.mdb: with `map` the shim records the pages
    /// the map changed before every flush, as the kernel may have written them back by then.
    @Test(arguments: DossierStore.JournalPageWrites.allCases)
    func everyAnsweredEventSurvivesACutAtAnyPoint(pageWrites: DossierStore.JournalPageWrites) async throws {
        try await withTemporaryDirectory { directory in
            let writes = Self.writesPerClient
            let run = try await onThread {
                try PowerCutRun.record(in: directory, clients: 4, writesPerClient: writes, pageWrites: pageWrites)
            }
            #expect(run.answers.count == 4 * writes)
            #expect(run.trace.records.contains { $0.kind == .flush }, "the shim recorded no flush")
            let seed = Self.seed
            let points = Self.points
            let (failures, answeredAtCuts) = try await onThread {
                run.check(points: points, seed: seed, directory: directory.appending("cut"))
            }
            let records = run.trace.records.count
            #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5).joined(separator: "; "))")
            print("power-cut (\(pageWrites.rawValue)): \(points) cut points over \(records) records, seed \(seed), "
                + "\(answeredAtCuts) answered events checked, \(failures.count) failed")
        }
    }
}
