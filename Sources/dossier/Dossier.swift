import ArgumentParser
import DossierClient
import DossierProtocol

/// `dossier`: the command-line client of dossierd.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Record and query customer risk in dossierd: customers, complaints, the audited event log.",
        version: DossierVersion.current,
        subcommands: [
            PingCommand.self, CustomerCommand.self, ComplaintCommand.self, RatingCommand.self, LimitCommand.self,
            GroupCommand.self, ImportCommand.self, EventsCommand.self, HeadCommand.self, HistoryCommand.self,
            AuditCommand.self, ExportCommand.self, StatusCommand.self, MetricsCommand.self, AdminCommand.self,
            CallCommand.self,
        ])

    /// Lets the global options stand before the command too (`dossier --json customer show c1`):
    /// argument-parser only reads a subcommand's options after its name, so they move there.
    static func main() {
        SignalMask.unblockAll()
        Self.main(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
    }
}
