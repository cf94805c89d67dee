import DossierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import DossierServer

/// The data and socket directories, and every directory above them, checked for modes and
/// owners that would let another local user tamper with the log or impersonate the daemon.
@Suite("Directories others could tamper with")
struct DirectorySafetyTests {
    /// Why the tests that give a directory to another user cannot run here, or nil.
    static let notRoot: String? =
        getuid() == 0 ? nil : "giving a directory to another uid needs root; these tests run as uid \(getuid())"
    /// `nobody`: a user that is neither root nor the one running the tests.
    static let nobody: uid_t = 65534

    /// The problem `check` finds; nil, recorded as an issue naming `what`, when it passes.
    static func problem(_ what: String, _ check: () throws -> Void) -> DirectorySafety.Problem? {
        do {
            try check()
            Issue.record("\(what) passed")
        } catch let problem as DirectorySafety.Problem {
            return problem
        } catch {
            Issue.record("\(what): \(error)")
        }
        return nil
    }

    @Test func aWorldWritableDataDirectoryIsRefusedEvenWithTheStickyBit() async throws {
        try await withTemporaryDirectory { base in
            for mode: mode_t in [0o777, 0o1777, 0o703] {
                let path = try base.makeDirectory("data\(mode)", mode: mode)
                #expect(throws: DirectorySafety.Problem.self) { try DirectorySafety.checkDataDirectory(path) }
            }
            let safe = try base.makeDirectory("safe", mode: 0o700)
            #expect(try DirectorySafety.checkDataDirectory(safe).isEmpty)
            let readable = try base.makeDirectory("readable", mode: 0o755)
            #expect(try DirectorySafety.checkDataDirectory(readable).first?.contains("0755") == true)
            // Not created yet: only the directories above are checked.
            #expect(try DirectorySafety.checkDataDirectory(base.appending("later/data")).isEmpty)
        }
    }

    @Test func aWorldWritableParentIsRefusedUnlessSticky() async throws {
        try await withTemporaryDirectory { base in
            let open = try base.makeDirectory("open", mode: 0o777)
            let below = try #require(
                Self.problem("a data directory under a world-writable parent") {
                    _ = try DirectorySafety.checkDataDirectory(open + "/data")
                })
            #expect(below.path == open)
            #expect(below.message.contains("world-writable without the sticky bit"))
            #expect(throws: DirectorySafety.Problem.self) {
                try DirectorySafety.checkSocketDirectory(ofSocket: open + "/run/d.sock")
            }
            let sticky = try base.makeDirectory("sticky", mode: 0o1777)
            #expect(try DirectorySafety.checkDataDirectory(sticky + "/data").isEmpty)
        }
    }

    /// Sticky /tmp is fine above the socket's directory, never as that directory: anyone may
    /// create a socket in it while the daemon is down, and clients would talk to that.
    @Test func theSocketsOwnDirectoryMayNotBeWorldWritableEvenWithTheStickyBit() async throws {
        try await withTemporaryDirectory { base in
            let open = try base.makeDirectory("open", mode: 0o777)
            let writable = try #require(
                Self.problem("a world-writable socket directory") {
                    try DirectorySafety.checkSocketDirectory(ofSocket: open + "/d.sock")
                })
            #expect(writable.message.contains("chmod o-w \(open)"))
            let sticky = try base.makeDirectory("sticky", mode: 0o1777)
            let shared = try #require(
                Self.problem("a sticky world-writable socket directory") {
                    try DirectorySafety.checkSocketDirectory(ofSocket: sticky + "/d.sock")
                })
            #expect(shared.path == sticky)
            #expect(shared.message.contains("world-writable"), "\(shared.message)")
            #expect(shared.message.contains("a directory of its own"), "\(shared.message)")
            #expect(throws: DirectorySafety.Problem.self) {
                try DirectorySafety.checkSocketDirectory(ofSocket: "/tmp/d.sock")
            }

            let own = try base.makeDirectory("sticky/own", mode: 0o700)
            try DirectorySafety.checkSocketDirectory(ofSocket: own + "/d.sock")
            try DirectorySafety.checkSocketDirectory(ofSocket: base.appending("missing/d.sock"))
        }
    }

    @Test(.disabled(if: Self.notRoot != nil, Comment(rawValue: Self.notRoot ?? "")))
    func aSocketDirectoryOfAnotherUserIsRefused() async throws {
        try await withTemporaryDirectory { base in
            // What `nobody` did to /tmp/dossier-<uid>/, and a plainer variant.
            for (name, mode) in [("squatted", mode_t(0o1777)), ("theirs", mode_t(0o755))] {
                let directory = try base.makeDirectory(name, mode: mode, owner: Self.nobody)
                let theirs = try #require(
                    Self.problem("a socket directory of uid \(Self.nobody) with mode \(String(mode, radix: 8))") {
                        try DirectorySafety.checkSocketDirectory(ofSocket: directory + "/d.sock")
                    })
                #expect(theirs.path == directory)
                #expect(theirs.message.contains("uid \(Self.nobody)"), "\(theirs.message)")
            }
            // Root's directories are fine for any daemon: root can do anything anyway.
            let roots = try base.makeDirectory("roots", mode: 0o755, owner: 0)
            try DirectorySafety.checkSocketDirectory(ofSocket: roots + "/d.sock")
        }
    }

    @Test(.disabled(if: Self.notRoot != nil, Comment(rawValue: Self.notRoot ?? "")))
    func aDataDirectoryOfAnotherUserIsRefused() async throws {
        try await withTemporaryDirectory { base in
            let theirs = try base.makeDirectory("theirs", mode: 0o700, owner: Self.nobody)
            let problem = try #require(
                Self.problem("a data directory of uid \(Self.nobody)") {
                    _ = try DirectorySafety.checkDataDirectory(theirs)
                })
            #expect(problem.path == theirs)
            #expect(problem.message.contains("uid \(Self.nobody)"), "\(problem.message)")
        }
    }

    @Test(.disabled(if: Self.notRoot != nil, Comment(rawValue: Self.notRoot ?? "")))
    func aDirectoryAboveOwnedByAnotherUserIsRefused() async throws {
        try await withTemporaryDirectory { base in
            // The daemon's own directories below one that `nobody` could rename and replace.
            let above = try base.makeDirectory("above", mode: 0o755, owner: Self.nobody)
            let data = try base.makeDirectory("above/data", mode: 0o700)
            let run = try base.makeDirectory("above/run", mode: 0o700)
            let problem = try #require(
                Self.problem("a data directory below a directory of uid \(Self.nobody)") {
                    _ = try DirectorySafety.checkDataDirectory(data)
                })
            #expect(problem.path == above)
            #expect(problem.message.contains("uid \(Self.nobody)"), "\(problem.message)")
            #expect(throws: DirectorySafety.Problem.self) {
                try DirectorySafety.checkSocketDirectory(ofSocket: run + "/d.sock")
            }
            // Root-owned directories above (/tmp and this test's directory) are fine.
            #expect(try DirectorySafety.checkDataDirectory(base.appending("data")).isEmpty)
        }
    }

    @Test func aDataDirectoryThatIsAFileIsNamedAsSuch() async throws {
        try await withTemporaryDirectory { base in
            let file = base.appending("data")
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
            let problem = try #require(
                Self.problem("a regular file as the data directory") {
                    _ = try DirectorySafety.checkDataDirectory(file)
                })
            #expect(problem.message.contains("not a directory"), "\(problem.message)")
            #expect(!problem.message.contains("mode"), "\(problem.message)")
        }
    }
}
