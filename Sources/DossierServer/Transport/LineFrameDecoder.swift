import NIOCore

/// One unit of input on a connection.
public enum InboundFrame: Sendable, Equatable {
    /// A complete line, without its `\n` (and without a `\r` before it).
    case line(ByteBuffer)
    /// A line longer than the maximum, discarded; `length` counts its bytes.
    case oversized(length: Int)
    /// An unfinished line of `length` bytes that did not fit in the `maximum` bytes all
    /// connections may buffer together (`LineBufferBudget`); the connection's further input is
    /// dropped, and it is answered and closed.
    case overBudget(length: Int, maximum: Int)
}

/// Splits the byte stream into lines of at most `maximumLength` bytes.
///
/// An over-long line is not a reason to drop the connection: the decoder discards bytes up
/// to the next `\n`, emits `.oversized` once the line ends, and carries on with the next line,
/// so the client gets an error reply and memory stays bounded by the maximum.
///
/// With a `LineBufferBudget`, the bytes of the unfinished line (the ones waiting for their
/// `\n`) count against a budget shared by all connections; a line that does not fit ends the
/// connection's input with `.overBudget`.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = InboundFrame

    public let maximumLength: Int
    /// Bytes of the current over-long line discarded so far; nil when not discarding.
    private var discarded: Int?
    /// How far the current buffer has been searched for `\n` already, to avoid rescanning.
    private var scanned = 0
    /// Shared with every other connection; nil: no cap across connections.
    private let budget: LineBufferBudget?
    /// This connection's part of `budget`: the bytes of its unfinished line when last counted.
    private var share = 0
    /// The largest `share` has been, to tell whether freeing it is worth a trim.
    private var peakShare = 0
    /// Set once a line did not fit in the budget: further input is dropped.
    private var refused = false

    public init(maximumLength: Int) {
        self.init(maximumLength: maximumLength, budget: nil)
    }

    init(maximumLength: Int, budget: LineBufferBudget?) {
        self.maximumLength = maximumLength
        self.budget = budget
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let state = self.decodeFrame(context: context, buffer: &buffer) { return state }
        // What is left is the unfinished line (nothing while an over-long one is discarded).
        if !self.count(buffer.readableBytes), let budget = self.budget {
            self.refused = true
            let length = buffer.readableBytes
            // Nothing readable left: the handler lets go of the buffer.
            buffer.moveReaderIndex(forwardBy: length)
            self.count(0)
            context.fireChannelRead(Self.wrapInboundOut(.overBudget(length: length, maximum: budget.maximum)))
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        if let state = self.decodeFrame(context: context, buffer: &buffer) { return state }
        // A last line without `\n` at end of input is still a request.
        if let discarded = self.discarded {
            self.discarded = nil
            context.fireChannelRead(Self.wrapInboundOut(.oversized(length: discarded + buffer.readableBytes)))
        } else if buffer.readableBytes > 0, let line = buffer.readSlice(length: buffer.readableBytes) {
            context.fireChannelRead(Self.wrapInboundOut(.line(Self.trimmingCarriageReturn(line))))
        }
        buffer.clear()
        self.count(0)
        return .needMoreData
    }

    /// Passes on the next complete frame, or drops the input of a refused connection; nil when
    /// neither happened (what is left is an unfinished line).
    private mutating func decodeFrame(context: ChannelHandlerContext, buffer: inout ByteBuffer) -> DecodingState? {
        if self.refused {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        }
        guard let frame = self.nextFrame(&buffer) else { return nil }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decoderRemoved(context: ChannelHandlerContext) {
        self.budget?.release(self.share, peak: self.peakShare)
        self.share = 0
    }

    /// Makes this connection's share of the budget `bytes`.
    /// - Returns: false, and the share unchanged, when the budget has no room for `bytes`.
    @discardableResult
    private mutating func count(_ bytes: Int) -> Bool {
        guard let budget = self.budget, bytes != self.share else { return true }
        guard budget.resize(from: self.share, to: bytes) else { return false }
        self.share = bytes
        self.peakShare = max(self.peakShare, bytes)
        return true
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
