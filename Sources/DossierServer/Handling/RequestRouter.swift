import DossierCore
import DossierProtocol
import Foundation
import Logging
import NIOCore

/// What the connection must do to answer one request line.
public enum PreparedReply: Sendable {
    /// The reply is known already (malformed input, unknown method).
    case ready(ByteBuffer)
    /// A read: run it once every earlier request of the connection has completed, so that it
    /// sees their writes.
    case query(@Sendable () async -> ByteBuffer)
    /// A write, already queued to the writer in request order; await its reply.
    case command(@Sendable () async -> ByteBuffer)
}

/// Decodes a request line, finds its method and prepares the handler; encodes every outcome,
/// including garbage input, as exactly one reply line. Nothing here throws.
public struct RequestRouter: Sendable {
    private enum Route: Sendable {
        case query(@Sendable (_ id: RequestID?, _ line: Data, _ context: RequestContext) async throws -> ByteBuffer)
        case command(
            @Sendable (_ id: RequestID?, _ line: Data, _ context: RequestContext) throws
                -> @Sendable () async throws -> ByteBuffer)
    }

    private var routes: [String: Route] = [:]
    /// The descriptor of each routed method: its roles decide who may call it.
    private(set) var methods: [String: Method] = [:]
    /// Told how each request ended (status and metrics).
    var observer: (any RequestObserver)?

    init() {}

    /// Registers a read-only method.
    mutating func query<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, _ handler: @escaping @Sendable (Params, RequestContext) async throws -> Result
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .query { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            return try Self.encodeReply(id: id, result: try await handler(params, context), for: context.role)
        }
    }

    /// Registers a method that writes. `queue` runs synchronously while the request is read
    /// (so writes of one connection queue in request order) and returns the work that awaits
    /// the commit and builds the result.
    mutating func command<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method,
        _ queue: @escaping @Sendable (Params, RequestContext) throws -> @Sendable () async throws -> Result
    ) {
        self.methods[method.name] = method
        let allowedKeys = Set(method.parameters.map(\.name))
        self.routes[method.name] = .command { id, line, context in
            let params: Params = try Self.decodeParams(line, allowedKeys: allowedKeys)
            let completion = try queue(params, context)
            return { try Self.encodeReply(id: id, result: try await completion(), for: context.role) }
        }
    }

    private static func decodeParams<Params: Decodable>(_ line: Data, allowedKeys: Set<String>) throws -> Params {
        let decoder = DossierJSON.decoder()
        decoder.userInfo[CheckedParams<Params>.allowedKeysInfo] = allowedKeys
        if let params = try decoder.decode(CheckedParams<Params>.self, from: line).params { return params }
        return try decoder.decode(Params.self, from: Data("{}".utf8))
    }

    /// Reads one request line and says how to answer it.
    public func prepare(_ line: ByteBuffer, context: RequestContext) -> PreparedReply {
        let started = ContinuousClock.now
        let data = Data(line.readableBytesView)
        let header: RequestHeader
        do {
            // The scanner handles ordinary lines; the decoder the rest, with its precise errors.
            header =
                try data.withUnsafeBytes(RequestHeaderScanner.scan)
                ?? DossierJSON.decoder().decode(RequestHeader.self, from: data)
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
        switch route {
        case .query(let handler):
            return .query {
                do {
                    let reply = try await handler(header.id, data, requestContext)
                    finished(nil)
                    return reply
                } catch { return failure(error) }
            }
        case .command(let queue):
            do {
                let completion = try queue(header.id, data, requestContext)
                return .command {
                    do {
                        let reply = try await completion()
                        finished(nil)
                        return reply
                    } catch { return failure(error) }
                }
            } catch {
                return .ready(failure(error))
            }
        }
    }

    /// The reply line (ending in `\n`) for one request line, run to completion.
    public func reply(to line: ByteBuffer, context: RequestContext) async -> ByteBuffer {
        switch self.prepare(line, context: context) {
        case .ready(let reply): return reply
        case .query(let work), .command(let work): return await work()
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
        var data = try DossierJSON.encoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return ByteBuffer(bytes: data)
    }

    /// What was wrong with the request's envelope, in one sentence.
    private static func headerProblem(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "the line is not a JSON request" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the line is not a JSON object: expected {\"id\": 1, \"method\": \"...\", \"params\": {...}}"
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
