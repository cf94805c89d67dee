import DossierCore
import DossierProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking connection to dossierd's Unix socket: writes request lines, reads reply lines.
///
/// Not thread-safe: one connection per thread. Requests may be pipelined with `send` and
/// `receiveLine`; `call` does one round trip.
public final class DossierConnection {
    public let socketPath: String
    /// Who serves the socket, as the kernel reported it when the connection was made.
    public let server: PeerCredentials
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where each `read` lands: allocated once, not per reply.
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    private var nextID: Int64 = 1
    private let timeoutSeconds: Double

    /// Connects to `socketPath` and checks who serves it; a timeout of 0 waits forever.
    /// - Parameter serverIdentity: the uids accepted as the server; anyone else is refused
    ///   before anything is sent.
    /// - Throws: `ClientError.unreachable`, or `ClientError.untrustedServer`.
    public init(
        socketPath: String, timeoutSeconds: Double = 30, serverIdentity: ServerIdentity = .forThisUser
    ) throws(ClientError) {
        self.socketPath = socketPath
        self.timeoutSeconds = timeoutSeconds
        guard let address = UnixSocketAddress(path: socketPath) else {
            throw .unreachable(
                socketPath: socketPath, reason: "path longer than \(UnixSocketAddress.maximumPathLength) bytes")
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(socketPath: socketPath, reason: String(cString: strerror(errno))) }
        func closing(_ error: ClientError) -> ClientError {
            close(fd)
            return error
        }
        guard address.withSockaddr({ connect(fd, $0, $1) }) == 0 else {
            throw closing(.unreachable(socketPath: socketPath, reason: String(cString: strerror(errno))))
        }
        let server: PeerCredentials
        do {
            server = try PeerCredentials.ofPeer(socket: fd)
        } catch {
            throw closing(.unreachable(socketPath: socketPath, reason: "cannot learn who serves it: \(error)"))
        }
        if let refusal = serverIdentity.refusal(of: server, socketPath: socketPath) { throw closing(refusal) }
        self.server = server
        if timeoutSeconds > 0 {
            var time = timeval(
                tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - Double(Int(timeoutSeconds))) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        }
        self.descriptor = fd
    }

    deinit {
        close(self.descriptor)
    }

    /// Writes `line` and a `\n`.
    public func send(line: some Collection<UInt8>) throws(ClientError) {
        var bytes = Array(line)
        bytes.append(UInt8(ascii: "\n"))
        try self.write(raw: bytes)
    }

    /// Writes `bytes` as they are: no newline is added (for tests of partial input).
    public func write(raw bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a daemon that closed the connection (shutting down, or full) is an
            // error to report, not a SIGPIPE that kills the client.
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut(seconds: self.timeoutSeconds) }
                throw .connectionClosed
            }
            offset += written
        }
    }

    /// Shuts down the writing side: the daemon sees end of input but still sends every reply.
    public func finishWriting() {
        shutdown(self.descriptor, Int32(SHUT_WR))
    }

    /// Reads the next line, without its `\n`.
    public func receiveLine() throws(ClientError) -> [UInt8] {
        var searched = 0
        while true {
            if let line = self.takeBufferedLine(searchingFrom: searched) { return line }
            searched = self.buffer.count
            _ = try self.readChunk()
        }
    }

    /// The first complete line in `buffer`, removed from it; `searched` bytes are known to hold
    /// no newline.
    private func takeBufferedLine(searchingFrom searched: Int = 0) -> [UInt8]? {
        guard let newline = self.buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = Array(self.buffer[..<newline])
        self.buffer.removeSubrange(...newline)
        return line
    }

    /// The socket, for callers that wait on many connections at once with `poll`.
    public var fileDescriptor: Int32 { self.descriptor }

    /// After `poll` said the socket is readable: reads once (without waiting for a whole line)
    /// and returns the complete lines received so far, oldest first; may be none.
    public func receiveAvailableLines() throws(ClientError) -> [[UInt8]] {
        _ = try self.readChunk()
        var lines: [[UInt8]] = []
        while let line = self.takeBufferedLine() { lines.append(line) }
        return lines
    }

    /// Reads what the socket has into `buffer`; false when interrupted before reading.
    private func readChunk() throws(ClientError) -> Bool {
        let count = self.chunk.withUnsafeMutableBytes { read(self.descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut(seconds: self.timeoutSeconds) }
            throw .connectionClosed
        }
        if count == 0 { throw .connectionClosed }
        self.buffer.append(contentsOf: self.chunk[0..<count])
        return true
    }

    /// Sends one request and returns the reply's `result` as `Result`.
    /// - Throws: `WireError` when the daemon answers with an error, `ClientError` otherwise.
    public func call<Params: Encodable & Sendable, Result: Decodable>(
        _ method: Method, _ params: Params, as: Result.Type = Result.self
    ) throws -> Result {
        let line = try self.callRaw(method: method.name, params: try Self.encode(params))
        do {
            return try DossierJSON.decode(ResultEnvelope<Result>.self, from: line).result
        } catch {
            throw ClientError.malformedReply("\(error)")
        }
    }

    /// Sends `{"id": n, "method": method, "params": params}` and returns the reply line after
    /// checking it is a success for this request.
    /// - Parameter params: the encoded params object, or nil for none.
    public func callRaw(method: String, params: [UInt8]?) throws -> [UInt8] {
        let id = self.nextID
        self.nextID += 1
        var request = Array(#"{"id":\#(id),"method":"#.utf8)
        request += try Self.encode(method)
        if let params {
            request += Array(#","params":"#.utf8)
            request += params
        }
        request.append(UInt8(ascii: "}"))
        try self.send(line: request)
        let line = try self.receiveLine()
        let header: ReplyHeader
        do {
            header = try DossierJSON.decode(ReplyHeader.self, from: line)
        } catch {
            throw ClientError.malformedReply("not a JSON reply")
        }
        if let error = header.error { throw error }
        guard header.id == .number(id) else { throw ClientError.malformedReply("reply to another request") }
        return line
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        try DossierJSON.encode(value)
    }
}
