import Foundation
@testable import LMDB
import Testing

@Suite("LMDB map growth")
struct MapGrowthTests {
    static let valueSize = 64 << 10  // 64 KiB: every value gets its own overflow pages
    static let batches = 8
    static let valuesPerBatch = 16  // 8 x 16 x 64 KiB = 8 MiB

    func writeEightMebibytes(_ env: Environment, _ db: Database) throws {
        for batch in 0..<Self.batches {
            try env.write { txn in
                for slot in 0..<Self.valuesPerBatch {
                    let index = batch * Self.valuesPerBatch + slot
                    try txn.put(db, key: bigEndian(UInt64(index)), value: patternValue(index: index, size: Self.valueSize))
                }
            }
        }
    }

    @Test func growsOnDemandAndKeepsEveryValue() throws {
        let growths = LockedList<Int>()
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 64 << 20
        configuration.onMapGrowth = { size in growths.append(size) }
        try withEnvironment(configuration) { env, db in
            #expect(env.info().mapSize == 1 << 20)
            try writeEightMebibytes(env, db)

            let count = Self.batches * Self.valuesPerBatch
            #expect(try env.read { txn in try txn.statistics(db) }.entries == count)
            for index in 0..<count {
                let stored = try env.read { txn in try txn.get(db, forKey: bigEndian(UInt64(index))) }
                #expect(stored == patternValue(index: index, size: Self.valueSize), "value \(index)")
            }
            let info = env.info()
            #expect(info.mapSize > 1 << 20)
            #expect(info.mapSize <= 64 << 20)
            #expect(info.usedBytes >= count * Self.valueSize)
            #expect(!growths.all.isEmpty)
            #expect(growths.all.last == info.mapSize)
            #expect(growths.all == growths.all.sorted())
        }
    }

    @Test func writingPastTheMaximumThrowsMapFull() throws {
        let growths = LockedList<Int>()
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 2 << 20
        configuration.onMapGrowth = { size in growths.append(size) }
        try withEnvironment(configuration) { env, db in
            let error = #expect(throws: LMDBError.self) { try writeEightMebibytes(env, db) }
            #expect(error?.code == .mapFull)
            #expect(error?.message.isEmpty == false)
            #expect(env.info().mapSize == 2 << 20)
            #expect(growths.all == [2 << 20])

            // What was committed before the failure is intact; the failed batch left nothing behind.
            let entries = try env.read { txn in try txn.statistics(db) }.entries
            #expect(entries > 0)
            #expect(entries % Self.valuesPerBatch == 0)
            for index in 0..<entries {
                let stored = try env.read { txn in try txn.get(db, forKey: bigEndian(UInt64(index))) }
                #expect(stored == patternValue(index: index, size: Self.valueSize))
            }
        }
    }

    @Test func concurrentWritersAndReadersSurviveGrowth() throws {
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 256 << 20
        try withEnvironment(configuration) { env, db in
            let threads = 8
            let writesPerThread = 32
            let size = 16 << 10  // 8 x 32 x 16 KiB = 4 MiB
            let failures = LockedList<String>()
            DispatchQueue.concurrentPerform(iterations: threads * 2) { worker in
                do {
                    if worker < threads {
                        for slot in 0..<writesPerThread {
                            let index = worker * writesPerThread + slot
                            try env.write { txn in
                                try txn.put(db, key: bigEndian(UInt64(index)), value: patternValue(index: index, size: size))
                            }
                        }
                    } else {
                        for _ in 0..<200 {
                            _ = try env.read { txn in try txn.statistics(db) }.entries
                        }
                    }
                } catch {
                    failures.append("\(worker): \(error)")
                }
            }
            #expect(failures.all.isEmpty)
            #expect(try env.read { txn in try txn.statistics(db) }.entries == threads * writesPerThread)
            for index in 0..<(threads * writesPerThread) {
                let stored = try env.read { txn in try txn.get(db, forKey: bigEndian(UInt64(index))) }
                #expect(stored == patternValue(index: index, size: size), "value \(index)")
            }
            #expect(env.info().mapSize > 1 << 20)
        }
    }

    @Test func reopeningAfterGrowthKeepsTheDataAndCanGrowAgain() throws {
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 64 << 20
        try withTemporaryDirectory { path in
            do {
                let env = try Environment(path: path, configuration: configuration)
                defer { env.close() }
                try writeEightMebibytes(env, try env.openDatabase(named: "test"))
            }
            let env = try Environment(path: path, configuration: configuration)
            defer { env.close() }
            // The file is larger than the configured initial size: the map covers it.
            #expect(env.info().mapSize >= env.info().usedBytes)
            let db = try env.openDatabase(named: "test", create: false)
            let more = 4 << 20
            try env.write { txn in
                try txn.put(db, key: bytes("more"), value: [UInt8](repeating: 0xEE, count: more))
            }
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("more")) }?.count == more)
            #expect(
                try env.read { txn in try txn.get(db, forKey: bigEndian(127)) }
                    == patternValue(index: 127, size: Self.valueSize))
        }
    }

    /// A hot backup reads the whole file through one transaction, so a map growth must wait for
    /// it; reads must not wait behind that growth (issue: a pending growth behind a long copy
    /// stalled every new read, and quick reads run on the event loops).
    @Test func readsGoOnWhileAGrowthWaitsForALongCopy() throws {
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 64 << 20
        try withEnvironment(configuration) { env, db in
            try env.write { txn in
                for index in 0..<8 { try txn.put(db, key: bigEndian(UInt64(index)), value: patternValue(index: index, size: 64 << 10)) }
            }
            // A pipe nobody reads yet: the copy fills its buffer and blocks, holding its transaction.
            var ends: [Int32] = [0, 0]
            #expect(pipe(&ends) == 0)
            let (readEnd, writeEnd) = (ends[0], ends[1])
            let copyDone = DispatchSemaphore(value: 0)
            let copyResult = LockedList<String>()
            Thread.detachNewThread {
                do { try env.copy(toDescriptor: writeEnd, compact: false) } catch { copyResult.append("\(error)") }
                close(writeEnd)
                copyDone.signal()
            }
            let copyStarted = ContinuousClock.now
            while env.longReaders == 0 && ContinuousClock.now - copyStarted < .seconds(10) { usleep(1000) }
            #expect(env.longReaders == 1)

            // A write that needs a larger map: its growth waits for the copy.
            let growthDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                try? self.writeEightMebibytes(env, db)
                growthDone.signal()
            }
            #expect(growthDone.wait(timeout: .now() + .milliseconds(300)) == .timedOut)

            // A read now must not queue behind the waiting growth.
            let readDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                _ = try? env.read { txn in try txn.get(db, forKey: bigEndian(3)) }
                readDone.signal()
            }
            #expect(readDone.wait(timeout: .now() + .seconds(5)) == .success, "a read waited behind a pending growth")

            // Drain the pipe: the copy ends, then the growth and the writes go through.
            var drained = 0
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                drained += count
            }
            close(readEnd)
            copyDone.wait()
            #expect(copyResult.all.isEmpty)
            #expect(drained >= 8 * (64 << 10))
            #expect(growthDone.wait(timeout: .now() + .seconds(30)) == .success)
            #expect(env.info().mapSize > 1 << 20)
            #expect(try env.read { txn in try txn.statistics(db) }.entries == Self.batches * Self.valuesPerBatch)
        }
    }

    /// Another process that grows the map makes this one's next `mdb_txn_begin` answer
    /// MDB_MAP_RESIZED: the new size is adopted (under the exclusive gate, with no transaction
    /// open) and recorded, so the next growth starts from it. Two environments on one
    /// directory stand in for the two processes (LMDB's locks are per process, so this works
    /// within one, for a test).
    @Test func aMapGrownByAnotherEnvironmentIsAdoptedAndRecorded() throws {
        var configuration = Environment.Configuration()
        configuration.initialMapSize = 1 << 20
        configuration.maximumMapSize = 64 << 20
        try withTemporaryDirectory { path in
            let adopter = try Environment(path: path, configuration: configuration)
            defer { adopter.close() }
            let database = try adopter.openDatabase(named: "test")
            let grower = try Environment(path: path, configuration: configuration)
            try self.writeEightMebibytes(grower, try grower.openDatabase(named: "test", create: false))
            let grown = grower.info().mapSize
            #expect(grown > 1 << 20)
            #expect(adopter.recordedMapSize == 1 << 20)

            let entries = try adopter.read { txn in try txn.statistics(database) }.entries
            #expect(entries == Self.batches * Self.valuesPerBatch)
            #expect(adopter.recordedMapSize == grown, "the adopted size is recorded")
            #expect(adopter.info().mapSize == grown)
            try adopter.write { txn in try txn.put(database, key: bytes("after"), value: bytes("adoption")) }
            grower.close()
        }
    }
}
