import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

/// Connects, runs one command's exchange, prints the result for people or as JSON, and maps
/// every failure to a message on stderr and the right exit code.
struct ClientRunner {
    let options: GlobalOptions

    /// Runs a command that changes nothing: one attempt.
    func run<Result: Encodable>(
        _ exchange: (DossierConnection) throws -> Result, render: (Result) -> String
    ) throws {
        try self.report(render: render) { try exchange(try self.options.connect()) }
    }

    /// Runs a command that appends: each attempt on a new connection, with the request id of
    /// `write`, resent when the outcome is unknown as `write` allows.
    func run<Result: Encodable>(
        _ write: WriteRetry, _ exchange: (DossierConnection) throws -> Result, render: (Result) -> String
    ) throws {
        try self.report(render: render) { try write.run { try exchange(try self.options.connect()) } }
    }

    /// Sends one write, `method` with `params`, as `run(_:_:render:)` does, and prints its result.
    func send<Params: Encodable & Sendable, Result: Codable>(
        _ method: Method, _ params: Params, as type: Result.Type, _ write: WriteRetry, render: (Result) -> String
    ) throws {
        try self.run(write, { connection in try connection.call(method, params, as: type) }, render: render)
    }

    private func report<Result: Encodable>(render: (Result) -> String, _ obtain: () throws -> Result) throws {
        let result: Result
        do {
            result = try obtain()
        } catch {
            throw self.fail(error)
        }
        if self.options.json {
            // A result with withheld fields prints without them, as the daemon sent it.
            let bytes = try (result as? any HasConfidentialFields)?.encodedAsReceived() ?? DossierJSON.encode(result)
            print(String(decoding: bytes, as: UTF8.self))
        } else {
            print(render(result))
        }
    }

    /// Prints `error` on stderr (as JSON with `--json`) and returns the exit to throw; errors
    /// the client does not report come back unchanged.
    func fail(_ error: any Error) -> any Error {
        guard let report = ErrorReport(error) else { return error }
        if self.options.json {
            Self.printError(String(decoding: (try? DossierJSON.encode(report.error)) ?? [], as: UTF8.self))
        } else {
            Self.printError(report.text)
        }
        return ExitCode(report.exitStatus)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
