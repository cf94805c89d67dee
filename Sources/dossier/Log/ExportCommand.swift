import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

/// `dossier export`: the log as NDJSON, one event per line, in sequence order, optionally
/// following new events as they are appended. A consumer that stores the last sequence it
/// applied in the same transaction as its rows, and restarts with `--from` that sequence + 1,
/// gets every event exactly once.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the log as NDJSON (one event per line) from a sequence on; --follow keeps streaming.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "First global sequence to print.") var from: UInt64 = 1
    @Flag(help: "Keep waiting for new events after reaching the end.") var follow = false
    @Option(name: .customLong("poll-ms"), help: "With --follow, how often to look for new events.")
    var pollMilliseconds: Int = 200
    @Option(help: "Events per request, 1 to 1000.") var page: Int = 1000

    func validate() throws {
        guard (1...1000).contains(self.page) else { throw ValidationError("--page must be from 1 to 1000") }
        guard self.pollMilliseconds > 0 else { throw ValidationError("--poll-ms must be positive") }
    }

    func run() throws {
        let runner = ClientRunner(options: self.options)
        let connection: DossierConnection
        do {
            connection = try self.options.connect()
        } catch {
            throw runner.fail(error)
        }
        let encoder = DossierJSON.encoder()
        var next = self.from
        while true {
            let result: EventsResult
            do {
                result = try connection.call(Method.readLog, ReadLogParams(from: next, limit: self.page), as: EventsResult.self)
            } catch {
                throw runner.fail(error)
            }
            for event in result.events {
                FileHandle.standardOutput.write(try encoder.encode(event) + Data("\n".utf8))
                next = event.sequence + 1
            }
            if result.next != nil { continue }
            guard self.follow else { return }
            usleep(UInt32(self.pollMilliseconds) * 1000)
        }
    }
}
