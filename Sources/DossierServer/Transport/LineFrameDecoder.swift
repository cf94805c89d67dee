import NIOCore

/// One unit of input on a connection.
public enum InboundFrame: Sendable, Equatable {
    /// A complete line, without its `\n` (and without a `\r` before it).
    case line(ByteBuffer)
    /// A line longer than the maximum, discarded; `length` counts its bytes.
    case oversized(length: Int)
}

/// Splits the byte stream into lines of at most `maximumLength` bytes.
///
/// An over-long line is not a reason to drop the connection: the decoder discards bytes up
/// to the next `\n`, emits `.oversized` once the line ends, and carries on with the next line,
/// so the client gets an error reply and memory stays bounded by the maximum.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = InboundFrame

    public let maximumLength: Int
    /// Bytes of the current over-long line discarded so far; nil when not discarding.
    private var discarded: Int?
    /// How far the current buffer has been searched for `\n` already, to avoid rescanning.
    private var scanned = 0

    public init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = self.nextFrame(&buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        if let frame = self.nextFrame(&buffer) {
            context.fireChannelRead(Self.wrapInboundOut(frame))
            return .continue
        }
        // A last line without `\n` at end of input is still a request.
        if let discarded = self.discarded {
            self.discarded = nil
            context.fireChannelRead(Self.wrapInboundOut(.oversized(length: discarded + buffer.readableBytes)))
        } else if buffer.readableBytes > 0, let line = buffer.readSlice(length: buffer.readableBytes) {
            context.fireChannelRead(Self.wrapInboundOut(.line(Self.trimmingCarriageReturn(line))))
        }
        buffer.clear()
        return .needMoreData
    }

    /// Takes the next frame out of `buffer`, or returns nil when more bytes are needed.
    mutating func nextFrame(_ buffer: inout ByteBuffer) -> InboundFrame? {
        let view = buffer.readableBytesView
        let searchStart = view.index(view.startIndex, offsetBy: min(self.scanned, view.count))
        let newline = view[searchStart...].firstIndex(of: UInt8(ascii: "\n"))

        if let discarded = self.discarded {
            guard let newline else {
                // Still inside the over-long line: drop what arrived and keep counting.
                self.discarded = discarded + buffer.readableBytes
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                self.scanned = 0
                return nil
            }
            let length = newline - view.startIndex
            buffer.moveReaderIndex(forwardBy: length + 1)
            self.discarded = nil
            self.scanned = 0
            return .oversized(length: discarded + length)
        }

        guard let newline else {
            if buffer.readableBytes > self.maximumLength {
                self.discarded = buffer.readableBytes
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                self.scanned = 0
            } else {
                self.scanned = buffer.readableBytes
            }
            return nil
        }
        let length = newline - view.startIndex
        self.scanned = 0
        if length > self.maximumLength {
            buffer.moveReaderIndex(forwardBy: length + 1)
            return .oversized(length: length)
        }
        let line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        return .line(Self.trimmingCarriageReturn(line))
    }

    private static func trimmingCarriageReturn(_ line: ByteBuffer) -> ByteBuffer {
        var line = line
        if line.readableBytesView.last == UInt8(ascii: "\r") {
            line.moveWriterIndex(to: line.writerIndex - 1)
        }
        return line
    }
}
