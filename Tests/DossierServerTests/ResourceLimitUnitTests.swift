import DossierTesting
import Foundation
import Logging
import NIOCore
import NIOEmbedded
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import DossierServer

@Suite("Limits and directory checks, in process")
struct ResourceLimitUnitTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    // MARK: - Idle timeout

    static func activeChannel(timeout: Int64 = 10) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: IdleTimeoutHandler(timeout: .seconds(timeout), logger: Self.quiet))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    @Test func aSilentConnectionIsClosedAfterTheTimeout() throws {
        let channel = try Self.activeChannel()
        let loop = channel.embeddedEventLoop
        loop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        loop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test func aRequestInFlightKeepsTheConnectionOpenAndItsReplyRestartsTheClock() throws {
        let channel = try Self.activeChannel()
        let loop = channel.embeddedEventLoop
        loop.advanceTime(by: .seconds(5))
        try channel.writeInbound(InboundFrame.line(ByteBuffer(string: #"{"method":"log.read"}"#)))
        try channel.writeInbound(InboundFrame.oversized(length: 5_000_000))
        loop.advanceTime(by: .seconds(60))
        #expect(channel.isActive, "two requests are unanswered")
        try channel.writeOutbound(ByteBuffer(string: "{}\n"))
        loop.advanceTime(by: .seconds(60))
        #expect(channel.isActive, "one request is still unanswered")
        try channel.writeOutbound(ByteBuffer(string: "{}\n"))
        loop.advanceTime(by: .seconds(9))
        #expect(channel.isActive, "the clock restarted with the last reply")
        loop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test func blankLinesAreInputButNotRequests() throws {
        let channel = try Self.activeChannel()
        let loop = channel.embeddedEventLoop
        loop.advanceTime(by: .seconds(8))
        try channel.writeInbound(InboundFrame.line(ByteBuffer(string: " \t ")))
        loop.advanceTime(by: .seconds(8))
        #expect(channel.isActive, "the blank line restarted the clock")
        loop.advanceTime(by: .seconds(3))
        #expect(!channel.isActive, "and no reply was awaited for it")
        #expect(!InboundFrame.line(ByteBuffer(string: "  ")).expectsReply)
        #expect(InboundFrame.line(ByteBuffer(string: " x ")).expectsReply)
        #expect(InboundFrame.oversized(length: 1).expectsReply)
    }

    // MARK: - Connection limit and log rate limit

    @Test func theLimiterCountsUpToItsMaximum() {
        let limiter = ConnectionLimiter(maximum: 2)
        #expect(limiter.tryAcquire())
        #expect(limiter.tryAcquire())
        #expect(!limiter.tryAcquire())
        #expect(limiter.count == 2)
        limiter.release()
        #expect(limiter.tryAcquire())
        let line = String(buffer: ConnectionLimiter.refusalLine(maximum: 2))
        #expect(line.hasSuffix("\n"))
        #expect(line.contains("dossier.Unavailable"))
        #expect(line.contains("too many connections"))
    }

    // MARK: - Directories others could tamper with

    static func directory(_ base: TemporaryDirectory, _ name: String, mode: mode_t) throws -> String {
        let path = base.appending(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(chmod(path, mode) == 0)
        return path
    }

    @Test func aWorldWritableDataDirectoryIsRefusedEvenWithTheStickyBit() async throws {
        try await withTemporaryDirectory { base in
            for mode: mode_t in [0o777, 0o1777, 0o703] {
                let path = try Self.directory(base, "data\(mode)", mode: mode)
                #expect(throws: DirectorySafety.Problem.self) { try DirectorySafety.checkDataDirectory(path) }
            }
            let safe = try Self.directory(base, "safe", mode: 0o700)
            #expect(try DirectorySafety.checkDataDirectory(safe).isEmpty)
            let readable = try Self.directory(base, "readable", mode: 0o755)
            #expect(try DirectorySafety.checkDataDirectory(readable).first?.contains("0755") == true)
            // Not created yet: only the directories above are checked.
            #expect(try DirectorySafety.checkDataDirectory(base.appending("later/data")).isEmpty)
        }
    }

    @Test func aWorldWritableParentIsRefusedUnlessSticky() async throws {
        try await withTemporaryDirectory { base in
            let open = try Self.directory(base, "open", mode: 0o777)
            do {
                _ = try DirectorySafety.checkDataDirectory(open + "/data")
                Issue.record("a data directory under a world-writable parent passed")
            } catch let error as DirectorySafety.Problem {
                #expect(error.path == open)
                #expect(error.message.contains("world-writable without the sticky bit"))
            }
            #expect(throws: DirectorySafety.Problem.self) {
                try DirectorySafety.checkSocketDirectory(ofSocket: open + "/run/d.sock")
            }
            let sticky = try Self.directory(base, "sticky", mode: 0o1777)
            #expect(try DirectorySafety.checkDataDirectory(sticky + "/data").isEmpty)
        }
    }

    @Test func theSocketDirectoryMayBeWorldWritableOnlyWithTheStickyBit() async throws {
        try await withTemporaryDirectory { base in
            let open = try Self.directory(base, "open", mode: 0o777)
            do {
                try DirectorySafety.checkSocketDirectory(ofSocket: open + "/d.sock")
                Issue.record("a world-writable socket directory passed")
            } catch let error as DirectorySafety.Problem {
                #expect(error.message.contains("chmod o-w \(open)"))
            }
            let sticky = try Self.directory(base, "sticky", mode: 0o1777)
            try DirectorySafety.checkSocketDirectory(ofSocket: sticky + "/d.sock")
            try DirectorySafety.checkSocketDirectory(ofSocket: "/tmp/d.sock")
            try DirectorySafety.checkSocketDirectory(ofSocket: base.appending("missing/d.sock"))
        }
    }
}
