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
    @Flag(help: "Keep streaming new events as they are appended (log.follow), reconnecting after a restart.")
    var follow = false
    @Option(help: "Events per request or per streamed line, 1 to 1000.") var page: Int = 1000
    @Option(help: "With --follow: give up after this many failed reconnections in a row (0: never).")
    var reconnects: Int = 0

    func validate() throws {
        guard (1...1000).contains(self.page) else { throw ValidationError("--page must be from 1 to 1000") }
        guard self.reconnects >= 0 else { throw ValidationError("--reconnects must not be negative") }
    }

    func run() throws {
        let runner = ClientRunner(options: self.options)
        let encoder = DossierJSON.encoder()
        var next = self.from
        let print = { (events: [EventView]) throws in
            for event in events {
                FileHandle.standardOutput.write(try encoder.encode(event) + Data("\n".utf8))
                next = event.sequence + 1
            }
        }
        guard self.follow else {
            do {
                let connection = try self.options.connect()
                while true {
                    let result = try connection.call(
                        Method.readLog, ReadLogParams(from: next, limit: self.page), as: EventsResult.self)
                    try print(result.events)
                    if result.next == nil { return }
                }
            } catch {
                throw runner.fail(error)
            }
        }
        // Following: each event once, in order, across restarts of the daemon: every stream
        // starts where the last printed event ends.
        let follower = LogFollower(
            batch: self.page, reconnects: self.reconnects, connect: { try self.options.connect() },
            onRetry: { error, next in ClientRunner.printError("dossier: \(error); reconnecting, to resume at event \(next)") })
        do {
            try follower.run(from: LogFollower.Position(sequence: max(self.from, 1) - 1, hash: nil)) { events in
                try print(events)
                return true
            }
        } catch {
            throw runner.fail(error)
        }
    }
}
