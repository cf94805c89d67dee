import ArgumentParser
import DossierProtocol

/// `dossier`: the command-line client of dossierd.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Record and query customer risk in dossierd: customers, complaints, the audited event log.",
        version: DossierVersion.current,
        subcommands: [
            PingCommand.self, CustomerCommand.self, ComplaintCommand.self, EventsCommand.self, HeadCommand.self,
            AuditCommand.self, CallCommand.self,
        ])
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "dossierd's socket (default: $DOSSIER_SOCKET, else the daemon's default path).")
    var socket: String?

    @Flag(name: .long, help: "Print the result as JSON on stdout (errors as JSON on stderr), for scripts.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the daemon (0: forever).")
    var timeout: Double = 30
}
