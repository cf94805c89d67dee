import DossierCore
import DossierProtocol
import Foundation
import Logging
import NIOCore

/// Decodes a request line, finds its method, runs the handler and encodes the reply line.
/// Every outcome, including garbage input, is one reply line; nothing here throws.
public struct RequestRouter: Sendable {
    /// A method's handler: takes the whole request line, returns the encoded `result` reply.
    typealias Route = @Sendable (_ id: RequestID?, _ line: Data, _ context: RequestContext) async throws -> ByteBuffer

    private var routes: [String: Route] = [:]

    init() {}

    /// Registers `handler` for `method`; its params decode as `Params` (from `{}` when absent).
    mutating func register<Params: Decodable & Sendable, Result: Encodable & Sendable>(
        _ method: Method, _ handler: @escaping @Sendable (Params, RequestContext) async throws -> Result
    ) {
        self.routes[method.name] = { id, line, context in
            let decoder = DossierJSON.decoder()
            let params =
                try decoder.decode(ParamsEnvelope<Params>.self, from: line).params
                ?? decoder.decode(Params.self, from: Data("{}".utf8))
            let result = try await handler(params, context)
            return try Self.encodeLine(Reply(id: id, result: result))
        }
    }

    /// The reply line (ending in `\n`) for one request line.
    public func reply(to line: ByteBuffer, context: RequestContext) async -> ByteBuffer {
        let data = Data(line.readableBytesView)
        let header: RequestHeader
        do {
            header = try DossierJSON.decoder().decode(RequestHeader.self, from: data)
        } catch {
            return Self.errorLine(id: Self.salvageID(data), WireError(code: .badRequest, message: Self.headerProblem(error)))
        }
        guard let route = self.routes[header.method] else {
            return Self.errorLine(
                id: header.id,
                WireError(
                    code: .unknownMethod, message: "there is no method \"\(header.method)\"; system.methods lists them",
                    details: ["method": .string(header.method)]))
        }
        var logger = context.logger
        logger[metadataKey: "request.method"] = "\(header.method)"
        if let id = header.id { logger[metadataKey: "request.id"] = "\(id)" }
        var requestContext = context
        requestContext.logger = logger
        do {
            let reply = try await route(header.id, data, requestContext)
            logger.debug("request handled")
            return reply
        } catch {
            let wire = ErrorMapping.wireError(for: error, logger: logger)
            logger.debug("request refused", metadata: ["error.code": "\(wire.code)"])
            return Self.errorLine(id: header.id, wire)
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
