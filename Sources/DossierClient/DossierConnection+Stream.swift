import DossierCore
import DossierProtocol

extension DossierConnection {
    /// Sends one request to a streaming method and hands each reply line's `result` to `body`,
    /// in order, until the daemon sends the last line (no `"more": true`) or `body` returns false.
    /// - Returns: true when the daemon ended the stream, false when `body` did.
    /// - Throws: `WireError` when a line is an error (the stream ends with it), `ClientError`
    ///   when the connection fails.
    public func stream<Params: Encodable & Sendable, Result: Decodable>(
        _ method: Method, _ params: Params, as: Result.Type = Result.self, _ body: (Result) throws -> Bool
    ) throws -> Bool {
        var request = Array(#"{"id":1,"method":"#.utf8)
        request += try DossierJSON.encode(method.name)
        request += Array(#","params":"#.utf8)
        request += try DossierJSON.encode(params)
        request.append(UInt8(ascii: "}"))
        try self.send(line: request)
        while true {
            let line = try self.receiveLine()
            let header: ReplyHeader
            let result: Result
            do {
                header = try DossierJSON.decode(ReplyHeader.self, from: line)
                if let error = header.error { throw error }
                result = try DossierJSON.decode(ResultEnvelope<Result>.self, from: line).result
            } catch let error as WireError {
                throw error
            } catch {
                throw ClientError.malformedReply("\(error)")
            }
            guard try body(result) else { return false }
            if header.more != true { return true }
        }
    }
}
