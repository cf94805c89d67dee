import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol

/// `dossier history STREAM`: every event of one stream, oldest first, with who recorded it,
/// when, and a summary of what it says; `--as-of` stops at a past time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every event of a stream (customer-c1, complaint-HQ260302001, limit-c1, ...) with actor and summary.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The stream, as log.read and `dossier events` name it.") var stream: String
    @Option(name: .customLong("as-of"), help: "Only the events recorded at or before this time (RFC 3339).")
    var asOf: Timestamp?

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            try connection.history(of: self.stream, asOf: self.asOf)
        } render: { result in
            Rendering.history(result.events)
                + (result.withheld.map { "\nwithheld from your role: " + $0.joined(separator: ", ") } ?? "")
        }
    }
}
