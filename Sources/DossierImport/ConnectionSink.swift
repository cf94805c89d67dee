import DossierClient
import DossierCore
import DossierProtocol

/// Sends `import.rows` batches on one connection, pipelined: the daemon answers a
/// connection's requests in order, so answers are read back in the order sent.
public final class ConnectionSink: ImportSink {
    private let connection: DossierConnection
    private var nextID = 1

    public init(connection: DossierConnection) {
        self.connection = connection
    }

    public func send(_ batch: ImportRowsParams) throws {
        var line = Array(#"{"id":\#(self.nextID),"method":"import.rows","params":"#.utf8)
        line += try DossierJSON.encode(batch)
        line.append(UInt8(ascii: "}"))
        self.nextID += 1
        try self.connection.send(line: line)
    }

    public func receive() throws -> ImportRowsResult {
        let line = try self.connection.receiveLine()
        let reply: Reply
        do {
            reply = try DossierJSON.decode(Reply.self, from: line)
        } catch {
            throw ClientError.malformedReply("not an import.rows reply: \(error)")
        }
        if let error = reply.error { throw error }
        guard let result = reply.result else { throw ClientError.malformedReply("an import.rows reply without a result") }
        return result
    }

    private struct Reply: Decodable {
        var result: ImportRowsResult?
        var error: WireError?
    }
}
