import DossierCore
import DossierProtocol
import DossierStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// Decodes a request line, finds its method and prepares the handler; encodes every outcome,
/// including garbage input, as exactly one reply line. Nothing here throws.
public struct RequestRouter: Sendable {
    private enum Route: Sendable {
        /// Decodes the params and says where the read runs.
        case read(@Sendable (_ id: RequestID?, _ line: RequestLine, _ context: RequestContext) throws -> Read)
        /// Queues the write; returns how to wait for its reply line, built from its outcome.
        case write(@Sendable (_ id: RequestID?, _ line: RequestLine, _ context: RequestContext) throws -> WhenWritten)
        /// Decodes the params; returns the producer of the reply's lines.
        case stream(
            @Sendable (_ id: RequestID?, _ line: RequestLine, _ context: RequestContext) throws
                -> @Sendable (ReplyStream) async throws -> Void)
    }

    /// Calls its argument once the write is done, with a function that encodes the reply line
    /// (or throws the write's failure), to run on the connection's event loop.
    private typealias WhenWritten =
        @Sendable (@escaping @Sendable (@escaping @Sendable () throws -> ByteBuffer) -> Void) -> Void

    private enum Read: Sendable {
        case quick(@Sendable () throws -> ByteBuffer)
        case long(@Sendable () async throws -> ByteBuffer)
    }

    private var routes: [String: Route] = [:]
    /// The descriptor of each routed method: its roles decide who may call it.
    private(set) var methods: [String: Method] = [:]
    /// Told how each request ended (status and metrics).
    var observer: (any RequestObserver)?

    init() {}

    /// Registers a read-only method whose handler does not suspend; `cost` decides whether it
    /// runs on the connection's event loop or on a task.
    mutating func query<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, _ cost: ReadCost, _ handler: @escaping @Sendable (Params, RequestContext) throws -> Result
    ) {
        self.query(method, cost: { _ in cost }, handler)
    }

    /// Registers a read-only method whose cost depends on its params (a state as of a past time
    /// folds the history; the state now is one row).
    mutating func query<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, cost: @escaping @Sendable (Params) -> ReadCost,
        _ handler: @escaping @Sendable (Params, RequestContext) throws -> Result
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .read { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            let read: @Sendable () throws -> ByteBuffer = {
                try Self.encodeReply(
                    id: id, result: try handler(params, context), for: context.role, access: context.confidentialAccess)
            }
            switch cost(params) {
            case .quick: return .quick(read)
            case .long: return .long(read)
            }
        }
    }

    /// Registers a read-only method whose handler suspends (it always runs on a task).
    mutating func asyncQuery<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, _ handler: @escaping @Sendable (Params, RequestContext) async throws -> Result
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .read { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            return .long {
                try Self.encodeReply(
                    id: id, result: try await handler(params, context), for: context.role,
                    access: context.confidentialAccess)
            }
        }
    }

    /// Registers a method that writes. `queue` runs when the connection starts the write (in
    /// request order, so writes of one connection queue in that order); the command's `result`
    /// runs on the connection's event loop once the write is durable.
    mutating func command<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, _ queue: @escaping @Sendable (Params, RequestContext) throws -> QueuedCommand<Result>
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .write { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            let queued = try queue(params, context)
            return { body in
                queued.whenComplete { result in
                    body {
                        try Self.encodeReply(
                            id: id, result: try result(), for: context.role, access: context.confidentialAccess)
                    }
                }
            }
        }
    }

    /// Registers a read-only method whose reply is many lines. `produce` sends lines with
    /// `send(result:more:)`; an error it throws ends the stream with an error line.
    mutating func stream<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method,
        _ produce: @escaping @Sendable (Params, RequestContext, StreamSender<Result>) async throws -> Void
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .stream { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            return { stream in
                try await produce(params, context, StreamSender(id: id, role: context.role, access: context.confidentialAccess, stream: stream))
            }
        }
    }

    /// A request line and, when the header scanner found it, where its `params` value is.
    private struct RequestLine: Sendable {
        var data: Data
        var paramsRange: Range<Int>?
    }

    private static func decodeParams<Params: Decodable>(_ line: RequestLine, allowedKeys: Set<String>) throws -> Params {
        // The fast path reads simple params by hand; anything it cannot read, including every
        // mistake, goes to the decoder, which also words the error.
        if let range = line.paramsRange, let readable = Params.self as? any JSONReadable.Type,
            let params = line.data.withUnsafeBytes({
                DossierJSON.read(readable, UnsafeRawBufferPointer(rebasing: $0[range]), allowedKeys: allowedKeys)
            }) as? Params
        {
            return params
        }
        let decoder = DossierJSON.decoder()
        decoder.userInfo[CheckedParams<Params>.allowedKeysInfo] = allowedKeys
        if let params = try decoder.decode(CheckedParams<Params>.self, from: line.data).params { return params }
        return try decoder.decode(Params.self, from: Data("{}".utf8))
    }

    /// Reads one request line and says how to answer it.
    public func prepare(_ line: ByteBuffer, context: RequestContext) -> PreparedReply {
        let started = ContinuousClock.now
        let data = Data(line.readableBytesView)
        let header: RequestHeader
        let requestLine: RequestLine
        do {
            // The scanner handles ordinary lines; the decoder the rest, with its precise errors.
            if let scanned = data.withUnsafeBytes(RequestHeaderScanner.scanWithParams) {
                header = scanned.header
                requestLine = RequestLine(data: data, paramsRange: scanned.params)
            } else {
                // Foundation's decoder checks only the members it reads: validate the whole
                // line first, so that no broken line is ever answered as if it were JSON.
                if let offset = data.withUnsafeBytes({ JSONCursor.firstInvalidByte(in: $0) }) {
                    throw InvalidJSONLine(offset: offset, startsAsObject: data.first { $0 > 0x20 } == UInt8(ascii: "{"))
                }
                header = try DossierJSON.decoder().decode(RequestHeader.self, from: data)
                requestLine = RequestLine(data: data)
            }
        } catch {
            self.observer?.requestFinished(method: nil, code: .badRequest, duration: .now - started)
            return .ready(
                Self.errorLine(id: Self.salvageID(data), WireError(code: .badRequest, message: Self.headerProblem(error))))
        }
        guard let route = self.routes[header.method] else {
            self.observer?.requestFinished(method: nil, code: .unknownMethod, duration: .now - started)
            return .ready(
                Self.errorLine(
                    id: header.id,
                    WireError(
                        code: .unknownMethod, message: "there is no method \"\(header.method)\"; system.methods lists them",
                        details: ["method": .string(header.method)])))
        }
        var logger = context.logger
        logger[metadataKey: "request.method"] = "\(header.method)"
        if let id = header.id { logger[metadataKey: "request.id"] = "\(id)" }
        var contextWithLogger = context
        contextWithLogger.logger = logger
        let requestContext = contextWithLogger
        // Refused before its params are even decoded: a caller learns nothing from a method it may not call.
        if let refusal = self.refusal(of: header, context: requestContext) {
            self.observer?.requestFinished(method: header.method, code: .forbidden, duration: .now - started)
            return .ready(refusal)
        }
        let finished: @Sendable (ErrorCode?) -> Void = { [observer = self.observer] code in
            observer?.requestFinished(method: header.method, code: code, duration: .now - started)
        }
        let failure: @Sendable (any Error) -> ByteBuffer = { [logger] error in
            let wire = ErrorMapping.wireError(for: error, logger: logger)
            logger.debug("request refused", metadata: ["error.code": "\(wire.code)"])
            finished(wire.code)
            return Self.errorLine(id: header.id, wire)
        }
        let answer: @Sendable (() throws -> ByteBuffer) -> ByteBuffer = { body in
            do {
                let reply = try body()
                finished(nil)
                return reply
            } catch { return failure(error) }
        }
        switch route {
        case .read(let prepareRead):
            let read: Read
            do {
                read = try prepareRead(header.id, requestLine, requestContext)
            } catch {
                return .ready(failure(error))
            }
            switch read {
            case .quick(let body):
                return .read(.quick { answer(body) })
            case .long(let body):
                return .read(
                    .long {
                        do {
                            let reply = try await body()
                            finished(nil)
                            return reply
                        } catch { return failure(error) }
                    })
            }
        case .stream(let prepareStream):
            let produce: @Sendable (ReplyStream) async throws -> Void
            do {
                produce = try prepareStream(header.id, requestLine, requestContext)
            } catch {
                return .ready(failure(error))
            }
            return .stream { stream in
                do {
                    try await produce(stream)
                    finished(nil)
                } catch {
                    // The stream's last line is the error: the client learns why it ended.
                    _ = await stream.send(failure(error))
                }
            }
        case .write(let queue):
            return .write { eventLoop in
                let whenWritten: WhenWritten
                do {
                    whenWritten = try queue(header.id, requestLine, requestContext)
                } catch {
                    return eventLoop.makeSucceededFuture(failure(error))
                }
                let promise = eventLoop.makePromise(of: ByteBuffer.self)
                // Called on the writer's thread: the reply is encoded on the connection's loop.
                whenWritten { encode in
                    eventLoop.execute { promise.succeed(answer(encode)) }
                }
                return promise.futureResult
            }
        }
    }

    /// The reply line (ending in `\n`) for one request line, run to completion (for tools and
    /// tests that route requests without a connection).
    public func reply(to line: ByteBuffer, context: RequestContext) async -> ByteBuffer {
        switch self.prepare(line, context: context) {
        case .ready(let reply): return reply
        case .read(.quick(let read)): return read()
        case .read(.long(let read)): return await read()
        case .write(let start):
            // The future never fails: errors are reply lines.
            return (try? await start(MultiThreadedEventLoopGroup.singleton.any()).get()) ?? ByteBuffer()
        case .stream(let produce):
            // Every line of the stream up to where the log ends now, joined (for tools that
            // route without a connection).
            let lines = Mutex(ByteBuffer())
            await produce(ReplyStream(endsWhenCaughtUp: true) { line in
                lines.withLock { $0.writeImmutableBuffer(line) }
                return true
            })
            return lines.withLock { $0 }
        }
    }

    /// The reply to a line that was too long to read.
    public static func lineTooLongReply(length: Int, maximum: Int) -> ByteBuffer {
        Self.errorLine(
            id: nil,
            WireError(
                code: .lineTooLong, message: "the request line of \(length) bytes exceeds the maximum of \(maximum) bytes",
                details: ["length": .number(Double(length)), "maximum": .number(Double(maximum))]))
    }

    static func errorLine(id: RequestID?, _ error: WireError) -> ByteBuffer {
        // Encoding an ErrorReply of strings and numbers cannot fail; the fallback keeps the promise anyway.
        (try? Self.encodeLine(ErrorReply(id: id, error: error)))
            ?? ByteBuffer(string: #"{"error":{"code":"dossier.Internal","message":"reply encoding failed"}}"# + "\n")
    }

    static func encodeLine(_ value: some Encodable) throws -> ByteBuffer {
        var bytes = try DossierJSON.encode(value)
        bytes.append(UInt8(ascii: "\n"))
        return ByteBuffer(bytes: bytes)
    }

    /// A request line that breaks the JSON grammar at `offset`.
    private struct InvalidJSONLine: Error {
        var offset: Int
        var startsAsObject: Bool
    }

    /// What was wrong with the request's envelope, in one sentence.
    private static func headerProblem(_ error: any Error) -> String {
        if let invalid = error as? InvalidJSONLine, invalid.startsAsObject {
            return "the line is not valid JSON: it breaks at byte \(invalid.offset + 1)"
        }
        let objectShape = "the line is not a JSON object: expected {\"id\": 1, \"method\": \"...\", \"params\": {...}}"
        if error is InvalidJSONLine { return objectShape }
        guard let error = error as? DecodingError else { return "the line is not a JSON request" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return objectShape
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "the request must be a JSON object with \"method\" and optional \"id\" and \"params\""
        default:
            return ErrorMapping.describe(error)
        }
    }

    /// The id of a request whose method part is broken, so its error still pairs with it.
    private static func salvageID(_ data: Data) -> RequestID? {
        struct IDOnly: Decodable { var id: RequestID? }
        return (try? DossierJSON.decoder().decode(IDOnly.self, from: data))?.id
    }
}
