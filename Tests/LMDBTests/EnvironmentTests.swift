import Foundation
import LMDB
import Testing

@Suite("LMDB environment")
struct EnvironmentTests {
    @Test func dataSurvivesCloseAndReopen() throws {
        try withTemporaryDirectory { path in
            do {
                let env = try Environment(path: path)
                let db = try env.openDatabase(named: "events")
                try env.write { txn in
                    for index in 0..<1_000 {
                        try txn.put(db, key: bigEndian(UInt64(index)), value: patternValue(index: index, size: 100))
                    }
                }
                env.close()
                env.close()  // a second close does nothing
            }
            let env = try Environment(path: path)
            defer { env.close() }
            #expect(env.path == path)
            let db = try env.openDatabase(named: "events", create: false)
            #expect(try env.read { txn in try txn.statistics(db) }.entries == 1_000)
            for index in [0, 1, 500, 999] {
                #expect(
                    try env.read { txn in try txn.get(db, forKey: bigEndian(UInt64(index))) }
                        == patternValue(index: index, size: 100))
            }
        }
    }

    @Test func mainDatabaseListsTheNamedOnes() throws {
        try withEnvironment { env, _ in
            _ = try env.openDatabase(named: "gamma")
            _ = try env.openDatabase(named: "alpha")
            _ = try env.openDatabase(named: "beta")
            let main = try env.openDatabase(named: nil)
            #expect(main.name == "")
            #expect(try scannedKeys(env, main) == ["alpha", "beta", "gamma", "test"])
        }
    }

    @Test func openingAMissingDatabaseWithoutCreateFails() throws {
        try withEnvironment { env, _ in
            let error = #expect(throws: LMDBError.self) { try env.openDatabase(named: "absent", create: false) }
            #expect(error?.code == .notFound)
            #expect(error?.operation == "mdb_dbi_open")
            // Nothing was created by the failed open.
            let main = try env.openDatabase(named: nil)
            #expect(try scannedKeys(env, main) == ["test"])
        }
    }

    @Test func maxDatabasesIsEnforced() throws {
        var configuration = Environment.Configuration()
        configuration.maxDatabases = 2
        try withEnvironment(configuration) { env, _ in
            _ = try env.openDatabase(named: "second")
            let error = #expect(throws: LMDBError.self) { try env.openDatabase(named: "third") }
            #expect(error?.code == .databasesFull)
        }
    }

    @Test func openingARegularFileFails() throws {
        try withTemporaryDirectory { directory in
            let file = directory + "/not-a-directory"
            #expect(FileManager.default.createFile(atPath: file, contents: Data("hello".utf8)))
            let error = #expect(throws: LMDBError.self) { try Environment(path: file) }
            #expect(error?.code.rawValue == ENOTDIR)
            #expect(error?.message.isEmpty == false)
            #expect(error?.operation == "mdb_env_open")
        }
    }

    @Test func openingAMissingDirectoryFails() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: LMDBError.self) { try Environment(path: directory + "/missing") }
            #expect(error?.code.rawValue == ENOENT)
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func openingAFileThatIsNotLMDBFails() throws {
        try withTemporaryDirectory { directory in
            #expect(
                FileManager.default.createFile(
                    atPath: directory + "/data.mdb", contents: Data(repeating: 0, count: 16 << 10)))
            let error = #expect(throws: LMDBError.self) { try Environment(path: directory) }
            #expect(error?.code == .invalid)
        }
    }

    @Test func createsFilesWithTheConfiguredMode() throws {
        var configuration = Environment.Configuration()
        configuration.fileMode = 0o640
        try withTemporaryDirectory { directory in
            let env = try Environment(path: directory, configuration: configuration)
            defer { env.close() }
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/data.mdb")
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode.map { $0 & 0o777 } == 0o640)
        }
    }

    @Test func copyWritesAConsistentEnvironmentThatOpensReadOnlyWithoutALockFile() throws {
        try withTemporaryDirectory { target in
            let file = target + "/copy.mdb"
            try withEnvironment { env, db in
                try env.write { txn in
                    for index in 0..<100 { try txn.put(db, key: bigEndian(UInt64(index)), value: bytes("v\(index)")) }
                }
                let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                #expect(descriptor >= 0)
                defer { close(descriptor) }
                try env.copy(toDescriptor: descriptor)
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            var configuration = Environment.Configuration()
            configuration.flags = [.readOnly, .noLock, .noSubdirectory, .noTLS]
            do {
                let copy = try Environment(path: file, configuration: configuration)
                defer { copy.close() }
                let db = try copy.openDatabase(named: "test", create: false)
                #expect(try copy.read { txn in try txn.statistics(db) }.entries == 100)
                #expect(try copy.read { txn in try txn.get(db, forKey: bigEndian(42)) } == bytes("v42"))
                #expect(throws: LMDBError.self) { try copy.write { _ in } }
            }
            // Reading changed no byte and created no lock file beside the copy.
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["copy.mdb"])
        }
    }

    @Test func aClosedEnvironmentRefusesTransactionsInsteadOfTrapping() throws {
        try withTemporaryDirectory { path in
            let env = try Environment(path: path)
            let db = try env.openDatabase(named: "test")
            env.close()
            let readError = #expect(throws: LMDBError.self) { try env.read { txn in try txn.get(db, forKey: bytes("k")) } }
            #expect(readError?.code == .environmentClosed)
            let writeError = #expect(throws: LMDBError.self) { try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("v")) } }
            #expect(writeError?.code == .environmentClosed)
            #expect(throws: LMDBError.self) { try env.sync() }
            env.close()
        }
    }

    @Test func syncFlushesANoSyncEnvironment() throws {
        var configuration = Environment.Configuration()
        configuration.flags = [.noTLS, .noSync]
        try withTemporaryDirectory { path in
            do {
                let env = try Environment(path: path, configuration: configuration)
                defer { env.close() }
                let db = try env.openDatabase(named: "test")
                try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("v")) }
                try env.sync()
            }
            let env = try Environment(path: path)
            defer { env.close() }
            let db = try env.openDatabase(named: "test", create: false)
            #expect(try env.read { txn in try txn.get(db, forKey: bytes("k")) } == bytes("v"))
        }
    }

    @Test func errorsCompareByCode() {
        #expect(LMDBError(code: .mapFull, operation: "mdb_put") == LMDBError(code: .mapFull, operation: "mdb_txn_commit"))
        #expect(LMDBError(code: .mapFull, operation: "mdb_put") != LMDBError(code: .keyExists, operation: "mdb_put"))
        let error = LMDBError(code: .notFound, operation: "mdb_get")
        #expect(error.description.hasPrefix("mdb_get failed: "))
        #expect(error.description.hasSuffix("(\(LMDBError.Code.notFound.rawValue))"))
    }
}
