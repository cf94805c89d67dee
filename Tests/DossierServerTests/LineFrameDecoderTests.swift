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

    @Test func aLastLineWithoutNewlineIsDeliveredAtEndOfInput() throws {
        #expect(try Self.frames(["a\nlast"], close: true) == ["a", "last"])
    }
}
