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
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: false)
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
}
