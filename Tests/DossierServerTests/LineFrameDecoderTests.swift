import NIOCore
import NIOEmbedded
import Testing

@testable import DossierServer

@Suite("Line framing")
struct LineFrameDecoderTests {
    /// Feeds `chunks` into a channel with the decoder and returns the frames as text.
    static func frames(_ chunks: [String], maximum: Int = 16, close: Bool = false) throws -> [String] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: maximum)))
        var frames: [String] = []
        func drain() throws {
            while let frame = try channel.readInbound(as: InboundFrame.self) {
                switch frame {
                case .line(let buffer): frames.append(String(buffer: buffer))
                case .oversized(let length): frames.append("<oversized \(length)>")
                case .overBudget(let length, _): frames.append("<over budget \(length)>")
                }
            }
        }
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
            try drain()
        }
        if close {
            channel.pipeline.fireChannelInactive()
            try drain()
        }
        _ = try? channel.finish()
        return frames
    }

    @Test func splitsLinesAndStripsCarriageReturns() throws {
        #expect(try Self.frames(["a\nbb\r\nccc\n"]) == ["a", "bb", "ccc"])
    }

    @Test func joinsLinesSplitAcrossReads() throws {
        #expect(try Self.frames(["{\"id\"", ":1}\n{\"i", "d\":2}\n"], maximum: 64) == ["{\"id\":1}", "{\"id\":2}"])
    }

    @Test func byteByByteGivesTheSameFrames() throws {
        let input = "one\ntwo\r\n\(String(repeating: "x", count: 40))\nthree\n"
        let whole = try Self.frames([input])
        let bytewise = try Self.frames(input.map { String($0) })
        #expect(whole == ["one", "two", "<oversized 40>", "three"])
        #expect(bytewise == whole)
    }

    @Test func anOverlongLineInChunksIsReportedOnceAndTheNextLineStillWorks() throws {
        let frames = try Self.frames([String(repeating: "y", count: 10), String(repeating: "y", count: 30), "yy\nok\n"])
        #expect(frames == ["<oversized 42>", "ok"])
    }

    @Test func aLineOfExactlyTheMaximumIsAccepted() throws {
        #expect(try Self.frames([String(repeating: "z", count: 16) + "\n"]) == [String(repeating: "z", count: 16)])
        #expect(try Self.frames([String(repeating: "z", count: 17) + "\n"]) == ["<oversized 17>"])
    }

    /// Connections share one budget for their unfinished lines; one whose line would take it
    /// over the maximum gets `.overBudget`, and nothing more of its input is kept.
    @Test func unfinishedLinesShareOneBudget() throws {
        let budget = LineBufferBudget(maximum: 100)
        func channel() -> EmbeddedChannel {
            EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: 80, budget: budget)))
        }
        let first = channel()
        let second = channel()
        try first.writeInbound(ByteBuffer(string: "ok\n" + String(repeating: "a", count: 60)))
        #expect(try first.readInbound(as: InboundFrame.self) == .line(ByteBuffer(string: "ok")))
        #expect(budget.bytesInUse == 60, "only the unfinished line counts")
        try second.writeInbound(ByteBuffer(string: String(repeating: "b", count: 30)))
        #expect(budget.bytesInUse == 90)
        try second.writeInbound(ByteBuffer(string: String(repeating: "b", count: 20)))
        #expect(try second.readInbound(as: InboundFrame.self) == .overBudget(length: 50, maximum: 100))
        #expect(budget.bytesInUse == 60, "the refused line was let go")
        try second.writeInbound(ByteBuffer(string: "\n{}\n"))
        #expect(try second.readInbound(as: InboundFrame.self) == nil, "the rest of its input is dropped")

        // A finished line frees its share; a connection that goes frees what it held.
        try first.writeInbound(ByteBuffer(string: "a\n" + String(repeating: "c", count: 10)))
        let finished = ByteBuffer(string: String(repeating: "a", count: 61))
        #expect(try first.readInbound(as: InboundFrame.self) == .line(finished))
        #expect(budget.bytesInUse == 10)
        _ = try first.finish(acceptAlreadyClosed: true)
        _ = try second.finish(acceptAlreadyClosed: true)
        #expect(budget.bytesInUse == 0)
    }

    @Test func aLastLineWithoutNewlineIsDeliveredAtEndOfInput() throws {
        #expect(try Self.frames(["a\nlast"], close: true) == ["a", "last"])
    }
}
