import DossierProtocol
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for dossierd on a Unix socket that gives each connection one scripted answer,
/// for the client's side of replies a real daemon gives only in rare states (a full disk, an
/// internal failure) or not at all (closing without a reply).
///
/// It serves connections one after another on its own thread: reads one request line, then
/// writes the reply `answer` gives for it, or closes without a reply when `answer` returns nil.
public final class ScriptedServer: Sendable {
    public let socketPath: String
    private let descriptor: Int32
    /// The request lines received so far.
    private let received = Mutex<[String]>([])
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening on `socketPath`.
    /// - Parameter answer: the reply line for a request line (no newline), or nil to close
    ///   without replying.
    public init(socketPath: String, answer: @escaping @Sendable (String) -> String?) throws {
        guard let address = UnixSocketAddress(path: socketPath) else { throw POSIXError(.ENAMETOOLONG) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard address.withSockaddr({ bind(fd, $0, $1) }) == 0, listen(fd, 16) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            close(fd)
            throw POSIXError(code)
        }
        self.socketPath = socketPath
        self.descriptor = fd
        Thread.detachNewThread { [self] in
            self.serve(answer)
            self.finished.signal()
        }
    }

    /// The request lines received so far, oldest first.
    public var requests: [String] { self.received.withLock { $0 } }

    /// Stops listening and removes the socket file.
    public func stop() {
        // shutdown wakes the accept that close alone would leave blocked.
        shutdown(self.descriptor, Int32(SHUT_RDWR))
        self.finished.wait()
        close(self.descriptor)
        unlink(self.socketPath)
    }

    private func serve(_ answer: (String) -> String?) {
        while true {
            let connection = accept(self.descriptor, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            defer { close(connection) }
            guard let line = Self.readLine(connection) else { continue }
            self.received.withLock { $0.append(line) }
            guard let reply = answer(line) else { continue }
            let bytes = Array((reply + "\n").utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// The first line `connection` sends, or nil when it closes before a whole line.
    private static func readLine(_ connection: Int32) -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(connection, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }
}
