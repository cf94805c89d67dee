import Foundation
import LMDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `.writeMap` (MDB_WRITEMAP): commits store pages into the map, so the data file must hold
/// blocks for the whole map before anything is stored there; a store into a page the disk
/// has no room for is a SIGBUS, which no caller could handle.
@Suite("Write map")
struct WriteMapTests {
    static func configuration(initialMapSize: Int) -> Environment.Configuration {
        var configuration = Environment.Configuration()
        configuration.initialMapSize = initialMapSize
        configuration.flags = [.noTLS, .writeMap, .noSync]
        return configuration
    }

    /// Value `index` of the tests: 4,000 bytes, about a page.
    static func store(_ index: Int, in environment: Environment, _ database: Database) throws {
        try environment.write { txn in
            try txn.put(database, key: bigEndian(UInt64(index)), value: patternValue(index: index, size: 4000))
        }
    }

    /// Whether values `0..<count` read back as `store` wrote them.
    static func holdsValues(_ count: Int, in environment: Environment, _ database: Database) throws -> Bool {
        try environment.read { txn in
            try (0..<count).allSatisfy { index in
                try txn.get(database, forKey: bigEndian(UInt64(index))) == patternValue(index: index, size: 4000)
            }
        }
    }

    /// The data file's size and the bytes of disk it holds.
    static func sizes(_ directory: String) -> (size: Int, allocated: Int) {
        var info = stat()
        guard stat(directory + "/data.mdb", &info) == 0 else { return (0, 0) }
        return (Int(info.st_size), Int(info.st_blocks) * 512)
    }

    @Test func theDataFileHoldsBlocksForTheWholeMapAndForEveryGrowth() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path, configuration: Self.configuration(initialMapSize: 1 << 20))
            let database = try environment.openDatabase(named: "test")
            let opened = Self.sizes(path)
            #expect(opened.size == environment.info().mapSize)
            #expect(opened.allocated >= opened.size)

            // 4 MiB of values: the map grows past its first megabyte.
            for index in 0..<1024 { try Self.store(index, in: environment, database) }
            let grown = Self.sizes(path)
            #expect(environment.info().mapSize > 1 << 20)
            #expect(grown.size == environment.info().mapSize)
            #expect(grown.allocated >= grown.size)
            try environment.sync(force: true)
            environment.close()

            // The pages stored into the map are in the file: an environment without the map
            // flag reads every value.
            var plain = Environment.Configuration()
            plain.flags = [.noTLS, .readOnly]
            let reader = try Environment(path: path, configuration: plain)
            defer { reader.close() }
            #expect(try Self.holdsValues(1024, in: reader, try reader.openDatabase(named: "test", create: false)))
        }
    }

    /// On a 6 MiB tmpfs: the growth that would need more than the disk has fails with ENOSPC,
    /// the process goes on, and what was committed stays readable.
    @Test func aFullDiskFailsTheGrowthInsteadOfTheProcess() throws {
        guard getuid() == 0 else {
            print("skipped: mounting a small tmpfs needs root")
            return
        }
        try withTemporaryDirectory { path in
            guard mount("tmpfs", path, "tmpfs", 0, "size=6m,mode=0700") == 0 else {
                print("skipped: cannot mount a tmpfs here (errno \(errno))")
                return
            }
            defer { umount2(path, Int32(MNT_DETACH)) }
            let environment = try Environment(path: path, configuration: Self.configuration(initialMapSize: 2 << 20))
            defer { environment.close() }
            let database = try environment.openDatabase(named: "test")
            var stored = 0
            var failure: LMDBError?
            for index in 0..<4096 {
                do {
                    try Self.store(index, in: environment, database)
                    stored += 1
                } catch let error as LMDBError {
                    failure = error
                    break
                }
            }
            #expect(failure?.code.rawValue == ENOSPC, "\(String(describing: failure))")
            #expect(stored > 0)
            #expect(try Self.holdsValues(stored, in: environment, database))
        }
    }
}
