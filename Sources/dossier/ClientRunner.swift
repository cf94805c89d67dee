import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

/// Connects, runs one command's exchange, prints the result for people or as JSON, and maps
/// every failure to a message on stderr and the right exit code.
struct ClientRunner {
    let options: GlobalOptions

    func run<Result: Encodable>(
        _ exchange: (DossierConnection) throws -> Result, render: (Result) -> String
    ) throws {
        do {
            let result = try exchange(try self.options.connect())
            if self.options.json {
                // A result with withheld fields prints without them, as the daemon sent it.
                let bytes = try (result as? any HasConfidentialFields)?.encodedAsReceived() ?? DossierJSON.encode(result)
                print(String(decoding: bytes, as: UTF8.self))
            } else {
                print(render(result))
            }
        } catch let error as WireError {
            if self.options.json {
                Self.printError(String(decoding: (try? DossierJSON.encode(error)) ?? [], as: UTF8.self))
            } else {
                Self.printError("error: \(error.code): \(error.message)")
            }
            throw ExitCode(ExitStatus.forError(error))
        } catch let error as ClientError {
            if self.options.json {
                let wire = WireError(code: ErrorCode(rawValue: error.code), message: error.description)
                Self.printError(String(decoding: (try? DossierJSON.encode(wire)) ?? [], as: UTF8.self))
            } else {
                Self.printError("dossier: \(error)")
            }
            throw ExitCode(ExitStatus.forError(error))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
