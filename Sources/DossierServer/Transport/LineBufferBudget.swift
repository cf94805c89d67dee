import DossierCore
import DossierProtocol
import Logging
import NIOCore
import Synchronization

/// Caps the bytes held in unfinished request lines across all connections
/// (`server.max_buffered_bytes`).
///
/// A line is buffered until its `\n` arrives, and any peer that can open the socket, even one
/// with no role, can send one and wait: without a cap, 300 connections each holding 1 MiB took
/// the daemon from 38 to 357 MiB. Each connection's `LineFrameDecoder` holds a share of the
/// budget as large as its unfinished line; a line that would take the total over the maximum
/// is not buffered, and its connection is answered `dossier.Unavailable` and closed. When a
/// connection that held a large line goes, the memory is handed back to the system.
final class LineBufferBudget: Sendable {
    static let refusalLog = LogRateLimiter(burst: 5, interval: .seconds(10))

    let maximum: Int
    private let used = Atomic<Int>(0)
    private let trimmer = MemoryTrimmer()

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Bytes held by unfinished lines now.
    var bytesInUse: Int { self.used.load(ordering: .relaxed) }

    /// Changes a connection's share from `old` to `new` bytes.
    /// - Returns: false, and nothing changed, when growing would take the total over the maximum.
    func resize(from old: Int, to new: Int) -> Bool {
        let growth = new - old
        guard growth > 0 else {
            self.used.wrappingSubtract(-growth, ordering: .relaxed)
            return true
        }
        let total = self.used.wrappingAdd(growth, ordering: .relaxed).newValue
        if total > self.maximum {
            self.used.wrappingSubtract(growth, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Gives back a connection's share when it goes; `peak` is the most it ever held.
    func release(_ share: Int, peak: Int) {
        _ = self.resize(from: share, to: 0)
        if peak >= MemoryTrimmer.worthTrimming { self.trimmer.request() }
    }

    /// The reply to a connection whose unfinished line of `length` bytes did not fit in a budget
    /// of `maximum` bytes, and the log line for it (rate limited).
    static func refusal(length: Int, maximum: Int, logger: Logger) -> ByteBuffer {
        Self.refusalLog { suppressed in
            var metadata: Logger.Metadata = ["server.max_buffered_bytes": "\(maximum)", "request.length": "\(length)"]
            if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
            logger.warning("unfinished request lines fill the buffer limit; closing a connection", metadata: metadata)
        }
        return RequestRouter.errorLine(
            id: nil,
            WireError(
                code: .unavailable,
                message: "the daemon holds too many unfinished request lines to buffer \(length) more bytes; "
                    + "retry later",
                details: ["maximum": .number(Double(maximum))]))
    }
}
