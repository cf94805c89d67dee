import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Logging
import Testing

@Suite("Hot backup of the store")
struct BackupTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func aBackupHoldsTheWholeLogAndOpensWithTheSameHead() async throws {
        try await TestStore.with { store, directory in
            _ = try await TestStore.register(store, "c1")
            for index in 0..<50 { _ = try await TestStore.fileComplaint(store, customer: "c1", subject: "s\(index)") }
            let head = try store.head()

            let path = directory.appending("backup")
            let report = try await store.backup(to: path, logger: Self.logger)
            #expect(report.isIntact && report.failure == nil)
            #expect(report.events == 51 && report.head == head)
            #expect(report.bytes > 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["data.mdb"])

            let copy = try TestStore.open(at: path)
            #expect(try copy.head() == head)
            #expect(try copy.customer(CustomerID(rawValue: "c1")) == store.customer(CustomerID(rawValue: "c1")))
            #expect(try copy.verify().isIntact)
            await copy.shutdown()
        }
    }

    @Test func aBackupOfAnEmptyLogIsAnEmptyLog() async throws {
        try await TestStore.with { store, directory in
            let report = try await store.backup(to: directory.appending("empty-backup"), logger: Self.logger)
            #expect(report.isIntact && report.events == 0)
        }
    }

    @Test func writesDuringTheBackupCarryOn() async throws {
        try await TestStore.with { store, directory in
            _ = try await TestStore.register(store, "c1")
            async let load: Void = {
                for index in 0..<200 { _ = try await TestStore.fileComplaint(store, customer: "c1", subject: "w\(index)") }
            }()
            let report = try await store.backup(to: directory.appending("b"), logger: Self.logger)
            try await load
            #expect(report.isIntact)
            #expect(report.events >= 1 && report.events <= 201)
            #expect(try store.head().sequence == 201)
        }
    }

    @Test func theDestinationMustBeANewOrEmptyAbsoluteDirectory() async throws {
        try await TestStore.with { store, directory in
            let file = directory.appending("file")
            try "x".write(toFile: file, atomically: true, encoding: .utf8)
            await #expect(throws: BackupError.notADirectory(path: file)) {
                try await store.backup(to: file, logger: Self.logger)
            }
            await #expect(throws: BackupError.notAbsolute(path: "relative")) {
                try await store.backup(to: "relative", logger: Self.logger)
            }
            let full = directory.appending("full")
            try FileManager.default.createDirectory(
                atPath: full, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try "x".write(toFile: full + "/other", atomically: true, encoding: .utf8)
            await #expect(throws: BackupError.notEmpty(path: full)) {
                try await store.backup(to: full, logger: Self.logger)
            }
            // The data directory itself is not empty either.
            await #expect(throws: BackupError.notEmpty(path: store.configuration.dataDirectory)) {
                try await store.backup(to: store.configuration.dataDirectory, logger: Self.logger)
            }
        }
    }

    // MARK: - Attacks on the destination (a caller naming a path the daemon then writes)

    @Test func aSymlinkedDestinationIsRefusedAndItsTargetUntouched() async throws {
        try await TestStore.with { store, directory in
            let victim = directory.appending("victim")
            try FileManager.default.createDirectory(
                atPath: victim, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let link = directory.appending("link")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
            await #expect(throws: BackupError.symbolicLink(path: link)) {
                try await store.backup(to: link, logger: Self.logger)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: victim).isEmpty)
        }
    }

    @Test func aDirectoryOpenToOthersIsRefused() async throws {
        try await TestStore.with { store, directory in
            let shared = directory.appending("shared")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
            chmod(shared, 0o1777)
            await #expect(throws: BackupError.openToOthers(path: shared, mode: 0o1777)) {
                try await store.backup(to: shared, logger: Self.logger)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: shared).isEmpty)
        }
    }

    @Test func aDirectoryOfAnotherUserIsRefused() async throws {
        guard geteuid() == 0 else {
            print("skipped: only root can give a directory to another user")
            return
        }
        try await TestStore.with { store, directory in
            let foreign = directory.appending("foreign")
            try FileManager.default.createDirectory(
                atPath: foreign, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            #expect(chown(foreign, 65534, 65534) == 0)
            await #expect(throws: BackupError.notOwned(path: foreign, owner: 65534)) {
                try await store.backup(to: foreign, logger: Self.logger)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: foreign).isEmpty)
        }
    }

    @Test func theCopyIsPrivate() async throws {
        try await TestStore.with { store, directory in
            _ = try await TestStore.register(store, "c1")
            let path = directory.appending("private")
            let report = try await store.backup(to: path, logger: Self.logger)
            #expect(report.isIntact)
            #expect(Self.mode(path) == 0o700)
            #expect(Self.mode(path + "/data.mdb") == 0o600)
            // The check read the copy without a lock file.
            #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["data.mdb"])
        }
    }

    @Test func aFailedCopyLeavesNothingBehind() async throws {
        try await TestStore.with { store, directory in
            _ = try await TestStore.register(store, "c1")
            let path = directory.appending("gone")
            // The parent of the destination must exist: a missing one is refused before anything is written.
            await #expect(throws: BackupError.self) {
                try await store.backup(to: path + "/deeper/still", logger: Self.logger)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    static func mode(_ path: String) -> mode_t? { FileMode.of(path) }
}
