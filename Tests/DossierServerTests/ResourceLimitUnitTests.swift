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
}
