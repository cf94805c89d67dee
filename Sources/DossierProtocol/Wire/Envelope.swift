/// A request id as the client sent it: a number or a string (JSON-RPC style), echoed back.
public enum RequestID: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int64)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "id must be an integer or a string")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): return String(number)
        case .string(let text): return text
        }
    }
}

/// The part of a request every method shares: `{"id": 7, "method": "complaint.file", ...}`.
public struct RequestHeader: Decodable, Sendable {
    public var id: RequestID?
    public var method: String

    public init(id: RequestID?, method: String) {
        self.id = id
        self.method = method
    }
}

/// A whole request, for encoding on the client side.
public struct Request<Params: Encodable & Sendable>: Encodable, Sendable {
    public var id: RequestID?
    public var method: String
    public var params: Params

    public init(id: RequestID?, method: String, params: Params) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// Reads only `params` out of a request line, as the method's own type.
public struct ParamsEnvelope<Params: Decodable>: Decodable {
    public var params: Params?
}

/// A successful reply: `{"id": 7, "result": {...}}`, with `"more": true` on all but the last
/// reply of a streaming method.
public struct Reply<Result: Encodable>: Encodable {
    public var id: RequestID?
    public var result: Result
    public var more: Bool?

    public init(id: RequestID?, result: Result, more: Bool? = nil) {
        self.id = id
        self.result = result
        self.more = more
    }

    private enum CodingKeys: String, CodingKey { case id, result, more }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)  // null when the request had none
        try container.encode(self.result, forKey: .result)
        try container.encodeIfPresent(self.more, forKey: .more)
    }
}

/// A failed reply: `{"id": 7, "error": {"code": "dossier.NotFound", "message": "..."}}`.
public struct ErrorReply: Codable, Sendable {
    public var id: RequestID?
    public var error: WireError

    public init(id: RequestID?, error: WireError) {
        self.id = id
        self.error = error
    }

    private enum CodingKeys: String, CodingKey { case id, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)  // null when the line had no readable id
        try container.encode(self.error, forKey: .error)
    }
}

/// What a client reads first from any reply line.
public struct ReplyHeader: Decodable, Sendable {
    public var id: RequestID?
    public var error: WireError?
    public var more: Bool?
}

/// Reads only `result` out of a reply line, as the expected type.
public struct ResultEnvelope<Result: Decodable>: Decodable {
    public var result: Result
}

/// Parameters of a method that takes none.
public struct NoParams: Codable, Hashable, Sendable {
    public init() {}
}
