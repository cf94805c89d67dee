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
            AuditCommand.self, ExportCommand.self, StatusCommand.self, MetricsCommand.self, AdminCommand.self,
            CallCommand.self,
        ])

    /// Lets the global options stand before the command too (`dossier --json customer show c1`):
    /// argument-parser only reads a subcommand's options after its name, so they move there.
    static func main() {
        Self.main(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
    }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    static let valueOptions: Set<String> = ["--socket", "--timeout"]
    static let flags: Set<String> = ["--json"]

    /// Moves global options found before the first command word to the end of `arguments`.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if Self.flags.contains(argument) || (Self.valueOptions.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if Self.valueOptions.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        return Array(arguments[index...]) + leading
    }

    @Option(name: .long, help: "dossierd's socket (default: $DOSSIER_SOCKET, else the daemon's default path).")
    var socket: String?

    @Flag(name: .long, help: "Print the result as JSON on stdout (errors as JSON on stderr), for scripts.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the daemon (0: forever).")
    var timeout: Double = 30
}
